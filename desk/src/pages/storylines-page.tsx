import { useEffect, useMemo, useState } from 'preact/hooks';
import { listStorylines, StorylineFilter } from '../api/desk-api';
import { ChangesPanel } from '../changes/changes-panel';
import { otherKindsInWords } from '../claim/kinds';
import { STORYLINE_STATUSES, StorylineStatus, Storyline } from '../api/types';
import { isPartyEvent, useLiveRefresh } from '../live/live-context';
import { NeedsReviewBadge, StorylineStatusBadge } from '../status/status-badge';
import { STORYLINE_STATUS_META } from '../status/status-meta';
import { CountsList } from '../storyline/counts-list';
import { LastDevelopment } from '../storyline/last-development';
import { NewStorylineForm } from '../storyline/storyline-form';
import { useOpening } from '../forms/use-opening';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useShortcut } from '../ui/shortcuts';
import { useLoader } from '../ui/use-loader';
import { PHONE_WIDTH, useMediaQuery } from '../ui/use-media-query';
import { useTitle } from '../ui/use-title';
import { RetractedClaims } from '../storyline/retracted-claims';

function filterFromAddress(): StorylineFilter {
  const params = new URLSearchParams(location.search);
  const status = params.get('status') as StorylineStatus | null;
  return {
    status: status && STORYLINE_STATUSES.includes(status) ? status : undefined,
    tag: params.get('tag') || undefined,
    q: params.get('q') || undefined,
  };
}

/** The filters stay in the address, so a filtered view can be shared; typing does not add history entries. */
function writeFilterToAddress(filter: StorylineFilter): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  const search = params.toString();
  history.replaceState(history.state, '', search ? `/desk?${search}` : '/desk');
}

export function StorylinesPage() {
  useTitle('Storylines');
  const [filter, setFilter] = useState<StorylineFilter>(filterFromAddress);
  // What is typed stays in the fields; the filter follows a moment later, so a re-render never eats a keystroke.
  const [text, setText] = useState(filter.q ?? '');
  const [tag, setTag] = useState(filter.tag ?? '');

  useEffect(() => {
    const timer = setTimeout(
      () => setFilter((current) => ({ ...current, q: text.trim() || undefined, tag: tag.trim() || undefined })),
      250,
    );
    return () => clearTimeout(timer);
  }, [text, tag]);
  useEffect(() => writeFilterToAddress(filter), [filter]);

  const key = JSON.stringify(filter);
  const storylines = useLoader(key, ({ minPosition, signal }) => listStorylines(filter, { minPosition, signal }));
  useLiveRefresh(
    (event) => event.streamId.startsWith('storyline-') || event.streamId.startsWith('claim-') || isPartyEvent(event),
    storylines.reload,
  );

  // Newest change first: a storyline's position is that of the last event that touched it.
  const sorted = useMemo(() => [...(storylines.data ?? [])].sort((a, b) => b.position - a.position), [storylines.data]);
  const titles = useMemo(
    () => new Map((storylines.data ?? []).map((storyline) => [storyline.id, storyline.title])),
    [storylines.data],
  );
  const tags = useMemo(() => [...new Set(sorted.flatMap((storyline) => storyline.tags))].sort(), [sorted]);
  const filtered = Boolean(filter.status || filter.tag || filter.q);
  const newStoryline = useOpening();
  const [opened, setOpened] = useState<{ id: string; title: string }>();
  useShortcut('n', 'New storyline', newStoryline.show);
  // On a phone the storylines come first; what changed follows them.
  const phone = useMediaQuery(PHONE_WIDTH);
  const changes = <ChangesPanel titles={titles} />;

  return (
    <>
      <div class="page-heading page-heading-with-actions">
        <div>
          <h1>Storylines</h1>
          <p class="lede">Every storyline at a glance, the most recent change first.</p>
        </div>
        <button
          ref={newStoryline.opener}
          type="button"
          class="primary"
          aria-expanded={newStoryline.open}
          aria-keyshortcuts="n"
          onClick={() => (newStoryline.open ? newStoryline.close() : newStoryline.show())}
        >
          New storyline
        </button>
      </div>
      {newStoryline.open && (
        <NewStorylineForm
          onClose={newStoryline.close}
          onRecorded={(result, storyline) => {
            setOpened({ id: result.id, title: storyline.title });
            newStoryline.close();
            storylines.reload(result.position);
          }}
        />
      )}
      <p class="announcement" role="status">
        {opened && (
          <>
            Storyline opened: <a href={`/desk/storylines/${encodeURIComponent(opened.id)}`}>{opened.title}</a>
          </>
        )}
      </p>
      {!phone && changes}
      <form class="filters" role="search" aria-label="Filter storylines" onSubmit={(event) => event.preventDefault()}>
        <div class="field">
          <label for="filter-status">Status</label>
          <select
            id="filter-status"
            value={filter.status ?? ''}
            onChange={(event) =>
              setFilter({ ...filter, status: (event.currentTarget.value || undefined) as StorylineStatus | undefined })
            }
          >
            <option value="">Any status</option>
            {STORYLINE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STORYLINE_STATUS_META[status].label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-tag">Tag</label>
          <input id="filter-tag" list="known-tags" value={tag} onInput={(event) => setTag(event.currentTarget.value)} />
          <datalist id="known-tags">
            {tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </div>
        <div class="field field-grow">
          <label for="filter-text">Text in title or summary</label>
          <input id="filter-text" type="search" value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        {filtered && (
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setText('');
              setTag('');
              setFilter({});
            }}
          >
            Clear filters
          </button>
        )}
      </form>
      {storylines.error !== undefined && (
        <ErrorNotice error={storylines.error} what="the storylines" onRetry={() => storylines.reload()} />
      )}
      {storylines.data === undefined ? (
        storylines.error === undefined && <Loading what="storylines" />
      ) : (
        <StorylineList storylines={sorted} filtered={filtered} />
      )}
      {phone && changes}
    </>
  );
}

function StorylineList(props: { storylines: Storyline[]; filtered: boolean }) {
  const byStatus = STORYLINE_STATUSES.map(
    (status) => [status, props.storylines.filter((s) => s.status === status).length] as const,
  );
  if (props.storylines.length === 0) {
    return <p class="empty-state">{props.filtered ? 'No storyline matches these filters.' : 'No storylines yet.'}</p>;
  }
  return (
    <>
      <p class="tally" aria-live="polite">
        {props.storylines.length} {props.storylines.length === 1 ? 'storyline' : 'storylines'}
        {byStatus
          .filter(([, count]) => count > 0)
          .map(([status, count]) => ` · ${count} ${STORYLINE_STATUS_META[status].label.toLowerCase()}`)}
      </p>
      <ul class="storyline-list">
        {props.storylines.map((storyline) => (
          <StorylineRow key={storyline.id} storyline={storyline} />
        ))}
      </ul>
    </>
  );
}

function StorylineRow({ storyline }: { storyline: Storyline }) {
  const titleId = `storyline-${storyline.id}`;
  return (
    <li class={`storyline-row status-${storyline.status}`}>
      <div class="storyline-row-status">
        <StorylineStatusBadge status={storyline.status} />
      </div>
      <div class="storyline-row-body">
        <h2 id={titleId} dir="auto">
          <a href={`/desk/storylines/${encodeURIComponent(storyline.id)}`}>{storyline.title}</a>
        </h2>
        {storyline.summary && (
          <p class="summary" dir="auto">
            {storyline.summary}
          </p>
        )}
        <div class="row-facts">
          <CountsList counts={storyline.counts} label={`Factual claims of “${storyline.title}” by status`} />
          <NeedsReviewBadge count={storyline.needsReview} />
          <RetractedClaims storyline={storyline} />
          <OtherKinds kinds={storyline.kinds} />
        </div>
        <LastDevelopment position={storyline.position} />
        {storyline.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {storyline.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** Opinions and predictions keep their own statuses but are not in the counts: say how many there are. */
function OtherKinds({ kinds }: { kinds: Storyline['kinds'] }) {
  const others = otherKindsInWords(kinds);
  return others ? <span class="muted other-kinds">and {others}, not counted</span> : null;
}
