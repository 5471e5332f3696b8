/** What the rest of the domain and the service use of parties: mentions, the aggregate, and the registry. */
export * from './party-mention';
export * from './party-names';
export * from './party.events';
export * from './party.commands';
export * from './party.state';
export * from './party.decider';
export * from './affiliation';
export * from './party-registry';
export * from './registry-records';
export type { ResolvedParty } from './registry-identity';
export * from './registry-changes';
