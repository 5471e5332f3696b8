import { ReadModelVersions } from '../application/ports/read-model-store.port';
import { StatusChange } from '../application/ports/status-comparison.port';
import { ComparedRebuild } from '../application/projections/compared-rebuild';

export interface StatusDiffReport {
  changes(changes: StatusChange[]): void;
  total(outcome: ComparedRebuild): void;
}

const count = (value: number) => value.toLocaleString('en-US');

/** The status rule's version, when the stored read models were built under another one. */
function ruleVersions(before: ReadModelVersions | undefined, after: ReadModelVersions) {
  return before && before.statusRule !== after.statusRule
    ? { before: before.statusRule ?? null, after: after.statusRule ?? null }
    : undefined;
}

/**
 * "3 of 1,204 claims change status (1 new), compared at log position 48,211 (status rule 2 → 3);
 * the rebuilt read models now serve, at log position 48,215"
 */
export function totalLine(outcome: ComparedRebuild): string {
  const noun = outcome.claims === 1 ? 'claim' : 'claims';
  const verb = outcome.changed === 1 ? 'changes' : 'change';
  const kinds = [
    ...(outcome.added > 0 ? [`${count(outcome.added)} new`] : []),
    ...(outcome.removed > 0 ? [`${count(outcome.removed)} gone`] : []),
  ];
  const rule = ruleVersions(outcome.versionsBefore, outcome.versionsAfter);
  const after =
    outcome.promotedAt === undefined
      ? 'dry run: the read models were left as they were'
      : `the rebuilt read models now serve, at log position ${count(outcome.promotedAt)}`;
  return (
    `${count(outcome.changed)} of ${count(outcome.claims)} ${noun} ${verb} status` +
    `${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}, compared at log position ${count(outcome.comparedAt)}` +
    `${rule ? ` (status rule ${rule.before ?? '?'} → ${rule.after ?? '?'})` : ''}; ${after}`
  );
}

/**
 * One line per claim, nothing padded: ids, storylines and reasons in any script and of any length
 * read the same. "ft-guarantees in us-ukraine: corroborated → unverified (no_independent_support) No …"
 */
function textReport(write: (line: string) => void): StatusDiffReport {
  return {
    changes(changes) {
      for (const { claimId, storylineId, before, after } of changes) {
        const rule = after?.rule ? ` (${after.rule})` : '';
        const reason = after?.reason ? ` ${after.reason}` : '';
        write(
          `${claimId} in ${storylineId}: ${before?.status ?? '(new)'} → ${after?.status ?? '(gone)'}${rule}${reason}`,
        );
      }
    },
    total: (outcome) => write(totalLine(outcome)),
  };
}

/** One JSON object a line: each change, then `{"total": …}`. */
function jsonReport(write: (line: string) => void): StatusDiffReport {
  return {
    changes(changes) {
      for (const { claimId, storylineId, before, after } of changes) {
        write(
          JSON.stringify({
            claimId,
            storylineId,
            oldStatus: before?.status ?? null,
            newStatus: after?.status ?? null,
            rule: after?.rule ?? null,
            reason: after?.reason ?? null,
            oldRule: before?.rule ?? null,
          }),
        );
      }
    },
    total: ({ comparedAt, claims, changed, added, removed, promotedAt, versionsBefore, versionsAfter }) =>
      write(
        JSON.stringify({
          total: {
            claims,
            changed,
            new: added,
            gone: removed,
            comparedAt,
            statusRule: { before: versionsBefore?.statusRule ?? null, after: versionsAfter.statusRule ?? null },
            promoted: promotedAt !== undefined,
            ...(promotedAt === undefined ? {} : { position: promotedAt }),
          },
        }),
      ),
  };
}

export function statusDiffReport(format: 'text' | 'json', write: (line: string) => void): StatusDiffReport {
  return format === 'json' ? jsonReport(write) : textReport(write);
}
