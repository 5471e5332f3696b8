import { PartyCommand } from '../../domain/party/party.commands';
import { partyStreamId } from '../../domain/party/party.events';
import { PartyState } from '../../domain/party/party.state';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';
import { partyStream } from './stream-types';

/** Another party as its own stream has it, for a command that names it (to affiliate with, to merge into). */
export function partyStateOf(writer: StreamWriter, partyId: string): Promise<PartyState> {
  return writer.stateOf(partyStream, partyStreamId(partyId));
}

/** Decides the command on the party's stream and appends what it decided. */
export async function writeParty(
  writer: StreamWriter,
  partyId: string,
  command: PartyCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const outcome = await writer.write(partyStream, partyStreamId(partyId), command, context);
  return { id: partyId, ...outcome };
}
