import { FastifyReply } from 'fastify';
import { CommandResult } from '../../../application/commands/command-context';

export const etagOf = (revision: number): string => `"${revision}"`;

/**
 * Every command answers `{ id, revision, position }` with the stream revision as ETag. The Location is
 * percent-encoded: ids are slugs in any script, and a header holds ASCII only.
 */
export function commandResponse(reply: FastifyReply, result: CommandResult, location?: string): CommandResult {
  void reply.header('ETag', etagOf(result.revision));
  if (location) void reply.header('Location', encodeURI(location));
  return { id: result.id, revision: result.revision, position: result.position };
}
