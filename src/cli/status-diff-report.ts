import { ReadModelVersions } from '../application/ports/read-model-store.port';
import { HeadlineChange, StatusChange, StoredHeadline } from '../application/ports/status-comparison.port';
import { ComparedRebuild } from '../application/read-models/runtime/compared-rebuild';

export interface StatusDiffReport {
  changes(changes: StatusChange[]): void;
  headlineChanges(changes: HeadlineChange[]): void;
  total(outcome: ComparedRebuild): void;
}

const count = (value: number) => value.toLocaleString('en-US');

/** The status rule's version, when the stored read models were built under another one. */
function ruleVersions(before: ReadModelVersions | undefined, after: ReadModelVersions) {
  return before && before.statusRule !== after.statusRule
    ? { before: before.statusRule ?? null, after: after.statusRule ?? null }
    : undefined;
}

const OPEN_STATUSES = ['unverified', 'corroborated', 'retracted'] as const;

/** Why a headline is what it is, from its factual claims' counts: "without a verdict: 1 retracted". */
export function headlineReason({ status, counts }: StoredHeadline): string {
  if (status === 'empty') return 'no factual claims';
  if (status === 'disputed') return `${counts.disputed} disputed`;
  if (status === 'settled') return 'every factual claim has a verdict';
  const open = OPEN_STATUSES.filter((open) => counts[open] > 0).map((open) => `${counts[open]} ${open}`);
  return `without a verdict: ${open.join(', ')}`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * "3 of 1,204 claims change status (1 new), 1 of 80 storyline headlines changes, compared at log
 * position 48,211 (status rule 2 → 3); the rebuilt read models now serve, at log position 48,215"
 */
export function totalLine(outcome: ComparedRebuild): string {
  const noun = plural(outcome.claims, 'claim', 'claims');
  const verb = plural(outcome.changed, 'changes', 'change');
  const headlines =
    `${count(outcome.headlinesChanged)} of ${count(outcome.storylines)} ` +
    `${plural(outcome.storylines, 'storyline headline', 'storyline headlines')} ${plural(outcome.headlinesChanged, 'changes', 'change')}`;
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
    `${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}, ${headlines}, compared at log position ${count(outcome.comparedAt)}` +
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
    headlineChanges(changes) {
      for (const { storylineId, title, before, after } of changes) {
        const reason = after ? ` (${headlineReason(after)})` : '';
        write(
          `storyline ${storylineId} “${title}”: ${before?.status ?? '(new)'} → ${after?.status ?? '(gone)'}${reason}`,
        );
      }
    },
    total: (outcome) => write(totalLine(outcome)),
  };
}

/** One JSON object a line: each claim's change, each storyline's, then `{"total": …}`. */
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
    headlineChanges(changes) {
      for (const { storylineId, title, before, after } of changes) {
        write(
          JSON.stringify({
            storylineId,
            title,
            oldHeadline: before?.status ?? null,
            newHeadline: after?.status ?? null,
            reason: after ? headlineReason(after) : null,
            retractedClaims: after?.retractedClaims ?? null,
          }),
        );
      }
    },
    total: ({
      comparedAt,
      claims,
      changed,
      added,
      removed,
      storylines,
      headlinesChanged,
      promotedAt,
      versionsBefore,
      versionsAfter,
    }) =>
      write(
        JSON.stringify({
          total: {
            claims,
            changed,
            new: added,
            gone: removed,
            storylines,
            headlinesChanged,
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
