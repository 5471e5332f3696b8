import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import { QUOTE_TYPES } from '../api/extractions';
import { textLanguage } from '../format/language';
import { segmentsOf } from './highlights';
import { Proposal } from './proposals';
import { QUOTE_TYPE_META, quoteTypeLabel } from './quote-types';

export const proposalElementId = (index: number) => `proposal-${index + 1}`;

/** Moves to a proposal's row without changing the address (the desk's router owns it). */
export function showProposal(index: number) {
  const row = document.getElementById(proposalElementId(index));
  row?.scrollIntoView({ block: 'start' });
  row?.focus({ preventScroll: true });
}

const outcomeWord = (proposal: Proposal) =>
  ({ existing: ' · already recorded', recorded: ' · recorded' })[proposal.outcome.state as string] ?? '';

/** The article as pasted, every proposal's words marked, with a numbered marker that names its type. */
export function ArticleView(props: { text: string; language: string; proposals: Proposal[] }) {
  const byIndex = useMemo(
    () => new Map(props.proposals.map((proposal) => [proposal.index, proposal])),
    [props.proposals],
  );
  const segments = useMemo(
    () =>
      segmentsOf(
        props.text.length,
        props.proposals.map(({ index, item }) => ({ index, start: item.quote.start, end: item.quote.end })),
      ),
    [props.text, props.proposals],
  );
  return (
    <section class="capture-article-panel" aria-labelledby="capture-article-heading">
      <h2 id="capture-article-heading">The article</h2>
      <ul class="capture-legend" aria-label="How proposals are marked">
        {QUOTE_TYPES.map((type) => (
          <li key={type}>
            <span class={`proposal-tag type-${type}`}>{QUOTE_TYPE_META[type].label}</span>{' '}
            {QUOTE_TYPE_META[type].explained}
          </li>
        ))}
      </ul>
      <div
        class="capture-article"
        tabIndex={0}
        role="region"
        aria-label="The article with its proposals marked"
        {...textLanguage(props.language)}
      >
        {segments.map((segment) => {
          const shown = segment.index === undefined ? undefined : byIndex.get(segment.index);
          const words = props.text.slice(segment.start, segment.end);
          return (
            <Fragment key={segment.start}>
              {segment.begins.map((index) => {
                const proposal = byIndex.get(index);
                if (!proposal) return null;
                return (
                  <a
                    key={`tag-${index}`}
                    class={`proposal-tag type-${proposal.item.type} outcome-${proposal.outcome.state}`}
                    href={`#${proposalElementId(index)}`}
                    onClick={(event) => (event.preventDefault(), showProposal(index))}
                  >
                    {index + 1} · {quoteTypeLabel(proposal.item.type)}
                    {outcomeWord(proposal)}
                  </a>
                );
              })}
              {shown ? <mark class={`proposal-mark type-${shown.item.type}`}>{words}</mark> : words}
            </Fragment>
          );
        })}
      </div>
    </section>
  );
}
