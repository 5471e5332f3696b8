import { ClaimKind } from '../api/types';
import { Icon } from '../status/icons';
import { KIND_META } from './kinds';

/** Opinions and predictions say so; a factual claim, the default, carries no badge. */
export function KindBadge(props: { kind: ClaimKind | undefined }) {
  if (!props.kind || props.kind === 'factual') return null;
  const meta = KIND_META[props.kind];
  return (
    <span class="badge badge-kind" title="Keeps its own status, but does not decide the storyline's">
      <Icon name={meta.icon} />
      {meta.label}
    </span>
  );
}
