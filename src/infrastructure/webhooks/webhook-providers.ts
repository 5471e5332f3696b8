import { Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { EVENT_STORE, EventStore } from '../../application/ports/event-store.port';
import { WEBHOOK_SENDER, WebhookSender } from '../../application/ports/webhook-sender.port';
import { WEBHOOK_STORE, WebhookStore } from '../../application/ports/webhook-store.port';
import { WebhookDispatcher } from '../../application/webhooks/webhook-dispatcher';
import { WebhookRegistry } from '../../application/webhooks/webhook-registry';
import { Config } from '../../config/config';
import { createWebhookStore } from './create-webhook-store';
import { HttpWebhookSender } from './delivery/http-webhook-sender';
import { TargetGuard } from './delivery/target-guard';

/** A lease outlives the longest request at least three times over. */
const MIN_LEASE_TTL_MS = 30_000;
const PAGE_SIZE = 100;
const POLL_MS = 1000;

/** The webhook store, the sender and the dispatcher, wired from the configuration. */
export function webhookProviders(config: Config): Provider[] {
  const { webhooks } = config;
  return [
    { provide: WEBHOOK_STORE, useFactory: () => createWebhookStore(config) },
    {
      provide: WEBHOOK_SENDER,
      useFactory: () => new HttpWebhookSender(new TargetGuard(webhooks.allowedHosts), webhooks.timeoutMs),
    },
    {
      provide: WebhookDispatcher,
      inject: [WEBHOOK_STORE, EVENT_STORE, WEBHOOK_SENDER],
      useFactory: (store: WebhookStore, events: EventStore, sender: WebhookSender) =>
        new WebhookDispatcher(store, events, sender, {
          policy: webhooks,
          owner: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          leaseTtlMs: Math.max(MIN_LEASE_TTL_MS, 3 * webhooks.timeoutMs),
          pageSize: PAGE_SIZE,
          pollMs: POLL_MS,
          random: Math.random,
        }),
    },
    WebhookRegistry,
  ];
}
