import { FastifyReply } from 'fastify';
import { CommandResult } from '../../../application/commands/command-context';

export const etagOf = (revision: number): string => `"${revision}"`;

/**
 * Every command answers `{ id, revision, position }` with the stream revision as ETag; a repeat of
 * a keyed command gets the same answer, marked `Idempotent-Replayed: true`. The Location comes
 * percent-encoded from the controller (`pathOf`).
 */
export function commandResponse(reply: FastifyReply, result: CommandResult, location?: string): CommandResult {
  void reply.header('ETag', etagOf(result.revision));
  if (location) void reply.header('Location', location);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return { id: result.id, revision: result.revision, position: result.position };
}
