import { FastifyReply } from 'fastify';
import { CommandResult } from '../../../application/commands/command-context';

export const etagOf = (revision: number): string => `"${revision}"`;

/** Every command answers `{ id, revision, position }` with the stream revision as ETag. */
export function commandResponse(reply: FastifyReply, result: CommandResult, location?: string): CommandResult {
  void reply.header('ETag', etagOf(result.revision));
  if (location) void reply.header('Location', location);
  return { id: result.id, revision: result.revision, position: result.position };
}
