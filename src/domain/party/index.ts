/**
 * The mention model under its old path (src/domain/party.ts), for the code that imports it from there.
 * Everything else in this folder is imported from its own file.
 */
export * from './party-mention';
