import { AddressInfo } from 'node:net';

/** How a baseline server tells the harness it listens: one JSON line on stdout. */
export function announceReady(address: AddressInfo | string | null): void {
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ ready: true, port })}\n`);
}
