import { PartyCommand } from '../../domain/party/party.commands';
import { decideParty } from '../../domain/party/party.decider';
import { partyStreamId } from '../../domain/party/party.events';
import { foldParty, PartyState } from '../../domain/party/party.state';
import { partyEventsOf } from '../events/factline-event';
import { CommandContext, CommandResult } from './command-context';
import { StreamWriter } from './stream-writer';

/** Another party as its own stream has it, for a command that names it (to affiliate with, to merge into). */
export async function partyStateOf(writer: StreamWriter, partyId: string): Promise<PartyState> {
  return foldParty(partyEventsOf(await writer.readStream(partyStreamId(partyId))));
}

/** Decides the command on the party's stream and appends what it decided. */
export async function writeParty(
  writer: StreamWriter,
  partyId: string,
  command: PartyCommand,
  context: CommandContext,
): Promise<CommandResult> {
  const outcome = await writer.write(
    {
      streamId: partyStreamId(partyId),
      decide: (history) => decideParty(command, foldParty(partyEventsOf(history))),
    },
    context,
  );
  return { id: partyId, ...outcome };
}
