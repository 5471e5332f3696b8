import { ClaimStatus, StorylineStatus } from '../api/types';
import { Icon } from './icons';
import { CLAIM_STATUS_META, STORYLINE_STATUS_META, StatusMeta } from './status-meta';

function Badge(props: { meta: StatusMeta; size?: 'large'; prefix?: string }) {
  const { meta } = props;
  return (
    <span class={`badge tone-${meta.tone} ${props.size === 'large' ? 'badge-large' : ''}`} title={meta.meaning}>
      <Icon name={meta.icon} />
      {props.prefix}
      {meta.label}
    </span>
  );
}

export const ClaimStatusBadge = (props: { status: ClaimStatus; size?: 'large'; prefix?: string }) => (
  <Badge
    meta={CLAIM_STATUS_META[props.status] ?? CLAIM_STATUS_META.unverified}
    size={props.size}
    prefix={props.prefix}
  />
);

export const StorylineStatusBadge = (props: { status: StorylineStatus; size?: 'large' }) => (
  <Badge meta={STORYLINE_STATUS_META[props.status] ?? STORYLINE_STATUS_META.empty} size={props.size} />
);

export function NeedsReviewBadge(props: { count: number }) {
  if (props.count <= 0) return null;
  return (
    <span class="badge tone-caution badge-review">
      <Icon name="flag" />
      {props.count === 1 ? '1 needs review' : `${props.count} need review`}
    </span>
  );
}
