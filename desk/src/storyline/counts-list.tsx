import { CLAIM_STATUSES, ClaimStatus } from '../api/types';
import { Icon } from '../status/icons';
import { CLAIM_STATUS_META } from '../status/status-meta';

/** Claims per status, only the statuses that occur, each with its icon and word. */
export function CountsList(props: { counts: Record<ClaimStatus, number>; label: string }) {
  const present = CLAIM_STATUSES.filter((status) => (props.counts[status] ?? 0) > 0);
  if (present.length === 0) return <p class="counts-empty">No factual claims yet</p>;
  return (
    <ul class="counts" aria-label={props.label}>
      {present.map((status) => {
        const meta = CLAIM_STATUS_META[status];
        return (
          <li key={status} class={`count tone-${meta.tone}`}>
            <Icon name={meta.icon} />
            <span class="count-number">{props.counts[status]}</span> {meta.label.toLowerCase()}
          </li>
        );
      })}
    </ul>
  );
}
