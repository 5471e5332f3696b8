import type { ClaimSummary } from '../../../application/read-models/claims/claim-view';
import { MENTION_ROLES } from '../../../application/read-models/claims/party-mentions';
import type { MentionCounts, MentionRole } from '../../../application/read-models/claims/party-mentions';
import type { LoggedRegistryEvent } from '../../../application/registry-cascade/registry-cascade';
import { Page, PageRequest, decodeCursor, toPage } from '../../../application/queries/page';
import type { MentionTally, PartyClaim, UnregisteredName } from '../../../application/read-models/parties/party-views';
import {
  PartyReadModel,
  ReadModelsUnavailableError,
  UnregisteredNameFilter,
} from '../../../application/queries/read-models.port';
import { PartyKind } from '../../../domain/party/party-mention';
import type { AffectedMentions } from '../../../application/registry-cascade/touched-mentions';
import { claimColumns } from '../claims/claim-rows';
import { GenerationView, ReadModelReader } from '../read-model-reader';
import { claimsReachedBy } from './mentions-reach';

/** The read-model version from which a generation keeps the registry's events and the mentions index. */
const REGISTRY_SINCE_VERSION = 1;

function requireRegistry({ versions }: GenerationView): void {
  if ((versions.parties ?? 0) < REGISTRY_SINCE_VERSION) {
    throw new ReadModelsUnavailableError('the read models are being rebuilt to resolve parties; retry shortly');
  }
}

/** Distinct claims in all (`claims`) and per role (a column named after each role) of a group of mention rows. */
const TALLY_COLUMNS = [
  'count(DISTINCT claim_id) AS claims',
  ...MENTION_ROLES.map((role) => `count(DISTINCT CASE WHEN role = '${role}' THEN claim_id END) AS ${role}`),
].join(', ');

type TallyRow = MentionCounts & { claims: number };

const tallyOf = (row: TallyRow): MentionTally => ({
  claims: row.claims,
  roles: Object.fromEntries(MENTION_ROLES.map((role) => [role, row[role]])) as MentionCounts,
});

type UnregisteredRow = TallyRow & { id: string; name: string; kind: PartyKind };

interface PartyClaimRow {
  seq: number;
  rank: number;
  role: MentionRole;
  claimId: string;
  storylineId: string;
  summary: string;
  names: string;
}

const ROLE_ORDER = JSON.stringify(MENTION_ROLES);

function toPartyClaim({ claimId, storylineId, role, summary, names }: PartyClaimRow): PartyClaim {
  const { statement, status, kind } = JSON.parse(summary) as ClaimSummary;
  const mentionedAs = (JSON.parse(names) as string[]).sort((a, b) => a.localeCompare(b));
  return { claimId, storylineId, statement, role, status, kind, mentionedAs };
}

/** The party registry's events and the mentions index, on the HTTP side. */
export class PartyQueries implements PartyReadModel {
  constructor(private readonly reader: ReadModelReader) {}

  registryEventsAfter(position: number): { checkpoint: number; events: LoggedRegistryEvent[] } {
    return this.reader.read((view) => {
      requireRegistry(view);
      const events = view
        .prepare<[number], string>(`SELECT event FROM ${view.tables.registry} WHERE position > ? ORDER BY position`)
        .pluck()
        .all(position)
        .map((event) => JSON.parse(event) as LoggedRegistryEvent);
      return { checkpoint: view.checkpoint, events };
    });
  }

  claimsMentioning(affected: AffectedMentions[]): string[] {
    return this.reader.read((view) => {
      requireRegistry(view);
      return claimsReachedBy(view.tables.mentions, (sql) => view.prepare(sql), affected);
    });
  }

  mentionTallies(partyIds: string[]): Map<string, MentionTally> {
    if (partyIds.length === 0) return new Map();
    return this.reader.read((view) => {
      requireRegistry(view);
      const rows = view
        .prepare<[string], TallyRow & { partyId: string }>(
          `SELECT party_id AS partyId, ${TALLY_COLUMNS} FROM ${view.tables.mentions}
           WHERE party_id IN (SELECT value FROM json_each(?)) GROUP BY party_id`,
        )
        .all(JSON.stringify([...new Set(partyIds)]));
      return new Map(rows.map((row) => [row.partyId, tallyOf(row)]));
    });
  }

  unregisteredNames(filter: UnregisteredNameFilter, { limit, cursor }: PageRequest): Page<UnregisteredName> {
    const [beforeMentions, afterId] = decodeCursor(cursor, ['number', 'string']) ?? [Number.MAX_SAFE_INTEGER, ''];
    const params = {
      text: filter.nameKeyPart ?? null,
      kind: filter.kind ?? null,
      beforeMentions,
      afterId,
      limit: limit + 1,
    };
    return this.reader.read((view) => {
      requireRegistry(view);
      const { mentions } = view.tables;
      // Each name is shown in the spelling (and kind) most of its claims use; `q` may match any of its spellings.
      const rows = view
        .prepare<[typeof params], UnregisteredRow>(
          `WITH spellings AS (
             SELECT party_id, name, kind, count(DISTINCT claim_id) AS claims, max(instr(name_key, @text)) AS matched
             FROM ${mentions} WHERE registered = 0 GROUP BY party_id, name, kind
           ), shown AS (
             SELECT party_id, name, kind,
                    row_number() OVER (PARTITION BY party_id ORDER BY claims DESC, name, kind) AS rank,
                    max(matched) OVER (PARTITION BY party_id) AS matched
             FROM spellings
           ), tallies AS (
             SELECT party_id, ${TALLY_COLUMNS} FROM ${mentions} WHERE registered = 0 GROUP BY party_id
           )
           SELECT s.party_id AS id, s.name, s.kind, t.*
           FROM shown s JOIN tallies t ON t.party_id = s.party_id
           WHERE s.rank = 1 AND (@text IS NULL OR s.matched > 0) AND (@kind IS NULL OR s.kind = @kind)
             AND (t.claims < @beforeMentions OR (t.claims = @beforeMentions AND s.party_id > @afterId))
           ORDER BY t.claims DESC, s.party_id LIMIT @limit`,
        )
        .all(params);
      return toPage(
        rows,
        limit,
        (row) => {
          const { claims, roles } = tallyOf(row);
          return { id: row.id, name: row.name, kind: row.kind, mentions: claims, roles };
        },
        (row) => [row.claims, row.id],
      );
    });
  }

  claimsOf(partyId: string, { limit, cursor }: PageRequest, role?: MentionRole): Page<PartyClaim> {
    const [afterSeq, afterRank] = decodeCursor(cursor, ['number', 'number']) ?? [-1, -1];
    const roles = role ? JSON.stringify([role]) : ROLE_ORDER;
    const params = { partyId, roles, afterSeq, afterRank, limit: limit + 1 };
    return this.reader.read((view) => {
      requireRegistry(view);
      const { mentions, claims } = view.tables;
      const rows = view
        .prepare<[typeof params], PartyClaimRow>(
          `SELECT c.seq AS seq, r.key AS rank, m.role AS role, c.id AS claimId, c.storyline_id AS storylineId,
                  ${claimColumns(view).summary} AS summary, json_group_array(DISTINCT m.name) AS names
           FROM ${mentions} m
           JOIN json_each(@roles) r ON r.value = m.role
           JOIN ${claims} c ON c.id = m.claim_id
           WHERE m.party_id = @partyId AND (c.seq > @afterSeq OR (c.seq = @afterSeq AND r.key > @afterRank))
           GROUP BY m.claim_id, m.role
           ORDER BY c.seq, r.key LIMIT @limit`,
        )
        .all(params);
      return toPage(rows, limit, toPartyClaim, (row) => [row.seq, row.rank]);
    });
  }
}
