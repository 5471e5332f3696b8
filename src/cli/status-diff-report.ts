import { StatusChange } from '../application/ports/status-comparison.port';
import { ComparedRebuild } from '../application/projections/compared-rebuild';

export interface StatusDiffReport {
  changes(changes: StatusChange[]): void;
  total(outcome: ComparedRebuild): void;
}

const count = (value: number) => value.toLocaleString('en-US');

/** "3 of 1,204 claims change status (1 new), compared at log position 48,211; the rebuilt read models now serve." */
export function totalLine(outcome: ComparedRebuild): string {
  const noun = outcome.claims === 1 ? 'claim' : 'claims';
  const verb = outcome.changed === 1 ? 'changes' : 'change';
  const kinds = [
    ...(outcome.added > 0 ? [`${count(outcome.added)} new`] : []),
    ...(outcome.removed > 0 ? [`${count(outcome.removed)} gone`] : []),
  ];
  const after =
    outcome.promotedAt === undefined
      ? 'dry run: the read models were left as they were'
      : `the rebuilt read models now serve, at log position ${count(outcome.promotedAt)}`;
  return (
    `${count(outcome.changed)} of ${count(outcome.claims)} ${noun} ${verb} status` +
    `${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}, compared at log position ${count(outcome.comparedAt)}; ${after}`
  );
}

/**
 * Columns of fixed width (statuses and rules are short words), the claim id last: lines go out as
 * they are found, and an id in any script or of any length cannot push the columns apart.
 */
const COLUMNS = [14, 14, 24];
const row = (cells: string[]) => cells.map((cell, index) => cell.padEnd(COLUMNS[index] ?? 0)).join('');

function tableReport(write: (line: string) => void): StatusDiffReport {
  let headed = false;
  return {
    changes(changes) {
      if (!headed) write(row(['old status', 'new status', 'rule (new)', 'claim']));
      headed = true;
      for (const { claimId, before, after } of changes) {
        write(row([before?.status ?? '(new)', after?.status ?? '(gone)', after?.rule ?? '-', claimId]));
      }
    },
    total: (outcome) => write(totalLine(outcome)),
  };
}

/** One JSON object a line: each change, then `{"total": …}`. */
function jsonReport(write: (line: string) => void): StatusDiffReport {
  return {
    changes(changes) {
      for (const { claimId, before, after } of changes) {
        write(
          JSON.stringify({
            claimId,
            oldStatus: before?.status ?? null,
            newStatus: after?.status ?? null,
            rule: after?.rule ?? null,
            oldRule: before?.rule ?? null,
          }),
        );
      }
    },
    total: ({ comparedAt, claims, changed, added, removed, promotedAt }) =>
      write(
        JSON.stringify({
          total: {
            claims,
            changed,
            new: added,
            gone: removed,
            comparedAt,
            promoted: promotedAt !== undefined,
            ...(promotedAt === undefined ? {} : { position: promotedAt }),
          },
        }),
      ),
  };
}

export function statusDiffReport(format: 'table' | 'json', write: (line: string) => void): StatusDiffReport {
  return format === 'json' ? jsonReport(write) : tableReport(write);
}
