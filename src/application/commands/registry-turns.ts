import { Injectable } from '@nestjs/common';
import { PartyRegistry } from '../../domain/party/party-registry';
import { RegistryHistory } from '../queries/registry-history';
import { StreamTurns } from './stream-turns';

/**
 * Commands that give parties names (registering, revising) take turns within this process, each
 * deciding on the registry as the log has it after the one before, so two of them cannot both take
 * one name. A writer in another process (a second replica on KurrentDB) can still take the name between
 * this read and the append: the registry then holds it twice, and resolution gives it to the registered
 * name before an alias, then to the earlier event, until the two are merged.
 */
@Injectable()
export class RegistryTurns {
  private readonly turns = new StreamTurns();

  constructor(private readonly registries: RegistryHistory) {}

  take<T>(work: (registry: PartyRegistry) => Promise<T>): Promise<T> {
    return this.turns.take('party-names', async () => work(await this.registries.at()));
  }
}
