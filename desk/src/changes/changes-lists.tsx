import { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ClaimAdded, ClaimStatusChange, Changes, HeadlineChange } from '../api/changes-types';
import { Claim } from '../api/types';
import { formatAgo } from '../format/time';
import { needsReviewWhy } from '../review/deciding-developments';
import { ClaimStatusBadge, StorylineStatusBadge } from '../status/status-badge';
import { claimAddress, storylineAddress } from '../ui/addresses';
import { Answer, withEveryPage } from './changes-answer';
import { developmentsInWords, developmentTotal } from './changes-words';
import { MovedBy } from './moved-by';

/** Entries shown per list before "…and N more". */
const LISTED = 5;

/** The panel opened: each list cut to its first entries, "…and N more" a button that shows the rest. */
export function ChangeLists(props: { answer: Answer; titles: Map<string, string> }) {
  const [whole, setWhole] = useState<Changes>();
  const [loading, setLoading] = useState(false);
  const changes = whole && whole.next === props.answer.changes.next ? whole : props.answer.changes;
  const { needReview } = props.answer;
  const headlineTitles = new Map(changes.storylines.map((storyline) => [storyline.id, storyline.title]));
  const titleOf = (id: string) => props.titles.get(id) ?? headlineTitles.get(id) ?? id;
  const reviewed = new Map(needReview.map((claim) => [claim.id, claim]));
  const moved = changes.storylines.filter((storyline) => storyline.before);
  const opened = changes.storylines.filter((storyline) => !storyline.before);
  const everyPage = () => {
    if (!changes.nextCursor || loading) return;
    setLoading(true);
    void withEveryPage(changes)
      .then(setWhole)
      .finally(() => setLoading(false));
  };
  const list = (name: string, title: string, total: number, items: ComponentChildren[], className: string) => (
    <ChangeList key={name} title={title} total={total} items={items} class={className} onMore={everyPage} />
  );
  return (
    <div class="changes-lists">
      {changes.claimsChanged.length > 0 &&
        list(
          'claims',
          'Claims whose status moved',
          changes.totals.claimsChanged,
          changes.claimsChanged.map((claim) => (
            <ClaimChangeItem
              key={claim.id}
              change={claim}
              storylineTitle={titleOf(claim.storylineId)}
              needingReview={reviewed.get(claim.id)}
            />
          )),
          'changes-claims',
        )}
      {needReview.length > 0 &&
        list(
          'review',
          'Claims that need review',
          needReview.length,
          needReview.map((claim) => (
            <NeedsReviewItem key={claim.id} claim={claim} storylineTitle={titleOf(claim.storylineId)} />
          )),
          'changes-review',
        )}
      {changes.claimsAdded.length > 0 &&
        list(
          'added',
          'New claims',
          changes.totals.claimsAdded,
          changes.claimsAdded.map((claim) => (
            <ClaimAddedItem key={claim.id} claim={claim} storylineTitle={titleOf(claim.storylineId)} />
          )),
          'changes-added',
        )}
      {moved.length > 0 &&
        list(
          'storylines',
          'Storylines whose status moved',
          moved.length,
          moved.map((storyline) => <HeadlineItem key={storyline.id} change={storyline} />),
          'changes-storylines',
        )}
      {opened.length > 0 &&
        list(
          'opened',
          'Storylines opened',
          changes.totals.storylines - moved.length,
          opened.map((storyline) => <HeadlineItem key={storyline.id} change={storyline} />),
          'changes-opened',
        )}
      {developmentTotal(changes.developments.total) > 0 &&
        list(
          'developments',
          `New developments: ${developmentsInWords(changes.developments.total)}`,
          changes.totals.storylinesWithDevelopments,
          changes.developments.byStoryline.map((counts) => (
            <li key={counts.storylineId}>
              <a href={storylineAddress(counts.storylineId)} dir="auto">
                {titleOf(counts.storylineId)}
              </a>
              : {developmentsInWords(counts)}
            </li>
          )),
          'changes-developments',
        )}
    </div>
  );
}

/** A list cut to its first entries; the button shows the rest (asking for the answer's later pages when they are not here yet). */
function ChangeList(props: {
  title: string;
  total: number;
  items: ComponentChildren[];
  class: string;
  onMore: () => void;
}) {
  const [all, setAll] = useState(false);
  const hidden = props.total - LISTED;
  return (
    <>
      <h3>
        {props.title} ({props.total})
      </h3>
      <ul class={`changes-list ${props.class}`}>{all ? props.items : props.items.slice(0, LISTED)}</ul>
      {hidden > 0 && (
        <button
          type="button"
          class="link-button changes-more"
          aria-expanded={all}
          onClick={() => {
            if (!all) props.onMore();
            setAll(!all);
          }}
        >
          {all ? 'Show fewer' : `…and ${hidden} more`}
        </button>
      )}
    </>
  );
}

function Arrow() {
  return (
    <>
      {' '}
      <span aria-hidden="true">→</span>
      <span class="visually-hidden">now</span>{' '}
    </>
  );
}

function HeadlineItem({ change }: { change: HeadlineChange }) {
  return (
    <li>
      <a href={storylineAddress(change.id)} dir="auto">
        {change.title}
      </a>
      :{' '}
      {change.before && (
        <>
          <StorylineStatusBadge status={change.before} />
          <Arrow />
        </>
      )}
      <StorylineStatusBadge status={change.after} />
    </li>
  );
}

function ClaimLink(props: { id: string; statement: string; claimant: string; storylineTitle: string }) {
  return (
    <>
      <a href={claimAddress(props.id)} dir="auto">
        {props.statement}
      </a>{' '}
      <span class="muted">
        (<bdi>{props.claimant}</bdi>, in <bdi>{props.storylineTitle}</bdi>)
      </span>
    </>
  );
}

/** A claim's line in a list: its status badges, then the claim linked with its claimant and storyline. */
function ClaimLine(props: {
  claim: { id: string; statement: string; claimant: { name: string } };
  storylineTitle: string;
  children: ComponentChildren;
}) {
  const { claim } = props;
  return (
    <p>
      {props.children}{' '}
      <ClaimLink
        id={claim.id}
        statement={claim.statement}
        claimant={claim.claimant.name}
        storylineTitle={props.storylineTitle}
      />
    </p>
  );
}

function ClaimChangeItem(props: { change: ClaimStatusChange; storylineTitle: string; needingReview?: Claim }) {
  const { change } = props;
  const why = props.needingReview && needsReviewWhy(props.needingReview);
  return (
    <li>
      <ClaimLine claim={change} storylineTitle={props.storylineTitle}>
        <ClaimStatusBadge status={change.before} />
        <Arrow />
        <ClaimStatusBadge status={change.after} />
      </ClaimLine>
      <p class="muted">
        {change.explanation.summary}
        {change.decidedBy && (
          <>
            {' '}
            <MovedBy claimId={change.id} decidedBy={change.decidedBy} />
          </>
        )}
      </p>
      {why && <p class="needs-review-note">Needs review: {why}</p>}
    </li>
  );
}

function NeedsReviewItem(props: { claim: Claim; storylineTitle: string }) {
  const { claim } = props;
  return (
    <li>
      <ClaimLine claim={claim} storylineTitle={props.storylineTitle}>
        <ClaimStatusBadge status={claim.status} />
      </ClaimLine>
      <p class="needs-review-note">{needsReviewWhy(claim)}</p>
    </li>
  );
}

function ClaimAddedItem(props: { claim: ClaimAdded; storylineTitle: string }) {
  const { claim } = props;
  return (
    <li>
      <ClaimStatusBadge status={claim.status} />{' '}
      <ClaimLink
        id={claim.id}
        statement={claim.statement}
        claimant={claim.claimant.name}
        storylineTitle={props.storylineTitle}
      />{' '}
      <span class="muted">
        recorded <time dateTime={claim.recordedAt}>{formatAgo(claim.recordedAt)}</time>
      </span>
    </li>
  );
}
