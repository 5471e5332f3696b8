import { useLocation } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { listStorylines, storylineClaimViews } from '../api/desk-api';
import { extractClaims } from '../api/extract-claims';
import { ArticleFields, ArticleForm, NO_ARTICLE, READ_LANGUAGES } from '../capture/article-form';
import { ArticleView, proposalElementId } from '../capture/article-view';
import { ProposalRow } from '../capture/proposal-row';
import { Article, Outcome, Proposal, proposalsOf, UNDETERMINED } from '../capture/proposals';
import { recordProposals, selectedCount } from '../capture/record-proposals';
import { recordingSummary } from '../capture/recording-summary';
import { filled } from '../forms/fields';
import { localToInstant } from '../forms/occurred-field';
import { storylineAddress } from '../ui/addresses';
import { ErrorNotice, Loading } from '../ui/feedback';
import { useLoader } from '../ui/use-loader';
import { useTitle } from '../ui/use-title';
import '../capture/capture.css';

interface Capture {
  text: string;
  article: Article;
  proposals: Proposal[];
}

/** The article as typed; its language is the one the API read it in, known once it answers. */
function articleOf(fields: ArticleFields): Article {
  return {
    storylineId: fields.storylineId,
    language: fields.language,
    url: fields.url.trim(),
    title: filled(fields.title),
    publishedAt: localToInstant(fields.published),
  };
}

/**
 * Paste an article, get its claims proposed (quotations with their speakers, anonymous sources,
 * denials), shape them, and record the ones chosen, each citing the article word for word.
 */
export function CapturePage() {
  useTitle('Capture from article');
  const { query } = useLocation();
  const storylines = useLoader('capture-storylines', (options) => listStorylines({}, options));
  const [fields, setFields] = useState<ArticleFields>({ ...NO_ARTICLE, storylineId: query.storyline ?? '' });
  const [proposing, setProposing] = useState(false);
  const [proposeError, setProposeError] = useState<unknown>();
  const [capture, setCapture] = useState<Capture>();
  const [recording, setRecording] = useState(false);
  const [said, setSaid] = useState('');
  const proposalsHeading = useRef<HTMLHeadingElement>(null);
  const announcement = useRef<HTMLParagraphElement>(null);

  const propose = async () => {
    setProposing(true);
    setProposeError(undefined);
    setSaid('');
    try {
      const draft = articleOf(fields);
      const extraction = await extractClaims({
        text: fields.text,
        language: filled(fields.language),
        storylineId: filled(fields.storylineId),
        source: { url: draft.url, title: draft.title, publishedAt: draft.publishedAt },
      });
      const claims = fields.storylineId ? await storylineClaimViews(fields.storylineId) : [];
      const article = { ...draft, language: extraction.language };
      setCapture({ text: fields.text, article, proposals: proposalsOf(extraction.items, article, claims) });
      requestAnimationFrame(() => proposalsHeading.current?.focus());
    } catch (error) {
      setProposeError(error);
    } finally {
      setProposing(false);
    }
  };

  const update = (index: number, changes: Partial<Proposal>) =>
    setCapture(
      (current) =>
        current && {
          ...current,
          proposals: current.proposals.map((proposal) =>
            proposal.index === index ? { ...proposal, ...changes } : proposal,
          ),
        },
    );

  const drop = (index: number) => {
    const proposals = capture?.proposals ?? [];
    const next = proposals[proposals.findIndex((proposal) => proposal.index === index) + 1];
    setCapture((current) => current && { ...current, proposals: current.proposals.filter((p) => p.index !== index) });
    setSaid(`Proposal ${index + 1} dropped.`);
    requestAnimationFrame(() =>
      (next ? document.getElementById(proposalElementId(next.index)) : proposalsHeading.current)?.focus(),
    );
  };

  const record = async () => {
    if (!capture || recording) return;
    setRecording(true);
    setSaid('');
    const outcomes = new Map<number, Outcome>();
    await recordProposals(capture.proposals, capture.article, (index, outcome) => {
      outcomes.set(index, outcome);
      update(index, { outcome, ...(outcome.state === 'recorded' ? { selected: false } : {}) });
    });
    setRecording(false);
    setSaid(recordingSummary(capture.proposals, outcomes));
    // The button is disabled now that nothing is left to record: focus goes to what became of it.
    requestAnimationFrame(() => announcement.current?.focus());
  };

  const selected = capture ? selectedCount(capture.proposals) : 0;
  return (
    <>
      <div class="page-heading">
        <h1>Capture from article</h1>
        <p class="lede">
          Paste an article: the desk proposes its claims — quotations with their speakers, anonymous sources, denials —
          for you to check, correct and record.
        </p>
      </div>
      {storylines.error !== undefined && (
        <ErrorNotice error={storylines.error} what="the storylines" onRetry={() => storylines.reload()} />
      )}
      {storylines.data === undefined && storylines.error === undefined ? (
        <Loading what="the storylines" />
      ) : (
        <ArticleForm
          storylines={storylines.data ?? []}
          value={fields}
          onChange={setFields}
          onPropose={() => void propose()}
          proposing={proposing}
          error={proposeError}
        />
      )}
      {capture && (
        <div class="capture-review">
          <ArticleView text={capture.text} language={capture.article.language} proposals={capture.proposals} />
          <section class="capture-proposals" aria-labelledby="capture-proposals-heading">
            <h2 id="capture-proposals-heading" ref={proposalsHeading} tabIndex={-1}>
              {capture.proposals.length === 1 ? '1 proposal' : `${capture.proposals.length} proposals`}
            </h2>
            {capture.article.language === UNDETERMINED ? (
              <p class="notice tone-caution" role="status">
                The language of this text could not be told: it is in none of the languages the desk reads (
                {READ_LANGUAGES}), or too short to tell. Nothing was proposed. Choose its language under “Language” to
                read it as one of them.
              </p>
            ) : (
              capture.proposals.length === 0 && <p>No quotation or report was found in this text.</p>
            )}
            <ol class="proposal-list">
              {capture.proposals.map((proposal) => (
                <ProposalRow
                  key={proposal.index}
                  proposal={proposal}
                  onChange={(changes) => update(proposal.index, changes)}
                  onDrop={() => drop(proposal.index)}
                />
              ))}
            </ol>
            <div class="actions capture-actions">
              <button
                type="button"
                class="primary"
                disabled={recording || selected === 0}
                onClick={() => void record()}
              >
                {recording ? 'Recording…' : `Record selected (${selected})`}
              </button>
              {capture.article.storylineId && (
                <a href={storylineAddress(capture.article.storylineId)}>Open the storyline</a>
              )}
            </div>
            <p class="announcement" role="status" tabIndex={-1} ref={announcement}>
              {said}
            </p>
          </section>
        </div>
      )}
    </>
  );
}
