import { initialProgress } from '../../../src/application/webhooks/delivery-progress';
import {
  foldRegistry,
  leaseOf,
  mayTakeLease,
  progressOf,
  Registration,
} from '../../../src/infrastructure/webhooks/kurrentdb/webhook-streams';

const registration = (id: string): Registration => ({
  subscription: {
    id,
    url: `https://hooks.example.org/${id}`,
    eventTypes: null,
    secret: 'whsec_x',
    createdAt: '2026-01-27T10:00:00.000Z',
    createdBy: 'desk',
  },
  progress: initialProgress(7),
});

describe('the KurrentDB webhook registry', () => {
  it('given registrations and a removal, keeps the others in the order they were registered', () => {
    const registered = new Map<string, Registration>();
    foldRegistry(registered, [
      { type: 'WebhookRegistered', data: registration('a') },
      { type: 'WebhookRegistered', data: registration('b') },
      { type: 'WebhookRegistered', data: registration('c') },
      { type: 'WebhookRemoved', data: { id: 'b', removedAt: '2026-01-27T11:00:00.000Z' } },
    ]);
    expect([...registered.keys()]).toEqual(['a', 'c']);
    expect(registered.get('c')).toEqual(registration('c'));
  });

  it('given events it does not know or cannot read, changes nothing', () => {
    const registered = new Map<string, Registration>([['a', registration('a')]]);
    foldRegistry(registered, [
      { type: 'WebhookRenamed', data: { id: 'a' } },
      { type: 'WebhookRegistered', data: 'not an object' },
      { type: 'WebhookRegistered', data: { subscription: null } },
      { type: 'WebhookRemoved', data: { id: 42 } },
    ]);
    expect([...registered.keys()]).toEqual(['a']);
  });
});

describe('webhook leases', () => {
  const now = 1_000_000;

  it('can be taken when nobody holds one, renewed by the holder, taken over once lapsed', () => {
    expect(mayTakeLease(undefined, 'replica-1', now)).toBe(true);
    expect(mayTakeLease({ owner: 'replica-1', expiresAt: now + 1 }, 'replica-1', now)).toBe(true);
    expect(mayTakeLease({ owner: 'replica-1', expiresAt: now + 1 }, 'replica-2', now)).toBe(false);
    expect(mayTakeLease({ owner: 'replica-1', expiresAt: now }, 'replica-2', now)).toBe(true);
  });

  it('are read only from well-formed events', () => {
    expect(leaseOf({ owner: 'replica-1', expiresAt: 5 })).toEqual({ owner: 'replica-1', expiresAt: 5 });
    expect(leaseOf({ owner: 'replica-1', expiresAt: '5' })).toBeUndefined();
    expect(leaseOf(null)).toBeUndefined();
  });
});

describe('webhook progress events', () => {
  it('are read only when they carry a checkpoint', () => {
    expect(progressOf({ progress: initialProgress(3) })).toEqual(initialProgress(3));
    expect(progressOf({ progress: { state: 'active' } })).toBeUndefined();
    expect(progressOf('nothing')).toBeUndefined();
  });
});
