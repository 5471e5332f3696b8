import { useState } from 'preact/hooks';
import { ProposedDevelopmentKind } from '../api/extractions';
import { ATTRIBUTIONS, CLAIM_KINDS } from '../api/types';
import { ATTRIBUTION_LABELS, KIND_LABELS } from '../claim/record-claim-form';
import { DEVELOPMENTS } from '../development/development-kinds';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { FieldScope } from '../forms/form-panel';
import { fieldErrors, FormProblem } from '../forms/form-problem';
import { textLanguage } from '../format/language';
import { PartyField } from '../party/party-field';
import { claimAddress } from '../ui/addresses';
import { proposalElementId, showProposal } from './article-view';
import { ProposalFacts } from './proposal-facts';
import { isDevelopment, Proposal } from './proposals';
import { QUOTE_TYPE_META, quoteTypeLabel } from './quote-types';

const DEVELOPMENT_WORDS: Record<ProposedDevelopmentKind, string> = {
  contradiction: 'Contradiction',
  support: 'Support',
  retraction: 'Retraction',
};

/** The fields a row shows: the API's errors for any other field are listed in its notice. */
const ROW_FIELDS = new Set([
  'statement',
  'claimant.name',
  'claimant.kind',
  'by.name',
  'by.kind',
  'kind',
  'attribution',
  'anonymousSourceCount',
  'language',
  'reportedBy.name',
  'reportedBy.kind',
]);

export function ProposalRow(props: {
  proposal: Proposal;
  onChange: (changes: Partial<Proposal>) => void;
  onDrop: () => void;
}) {
  const { proposal, onChange } = props;
  const { item, outcome } = proposal;
  const number = proposal.index + 1;
  const id = proposalElementId(proposal.index);
  const development = item.development;
  const editable = outcome.state !== 'existing' && outcome.state !== 'recorded' && outcome.state !== 'recording';
  // Fields open on request: a long article's rows stay light, each picker asking the registry only once opened.
  const [editing, setEditing] = useState(false);
  const failure = outcome.state === 'failed' ? outcome.error : undefined;
  const fieldsOpen = editing || fieldErrors(failure).size > 0;
  return (
    <li
      id={id}
      class={`proposal type-${item.type} outcome-${outcome.state}`}
      tabIndex={-1}
      aria-labelledby={`${id}-heading`}
    >
      <h3 id={`${id}-heading`}>
        <span class={`proposal-tag type-${item.type}`}>
          {number} · {quoteTypeLabel(item.type)}
        </span>{' '}
        {development ? DEVELOPMENT_WORDS[development.kind] : 'Claim'} by{' '}
        <span dir="auto">{proposal.claimant.name || 'someone not named'}</span>
      </h3>
      <p class="muted proposal-type">{QUOTE_TYPE_META[item.type]?.explained}</p>
      <blockquote class="proposal-quote" {...textLanguage(proposal.language)}>
        {item.quote.text}
      </blockquote>
      <p class="hint">
        {item.cue && (
          <>
            Introduced by “<span dir="auto">{item.cue.text}</span>”.{' '}
          </>
        )}
        {item.rule && <>Rule: {item.rule}. </>}
        {item.confidence !== undefined && <>Confidence {Math.round(item.confidence * 100)} %.</>}
      </p>
      {development && <DevelopmentTarget proposal={proposal} />}
      <OutcomeNotice proposal={proposal} />
      {editable && <ProposalFacts proposal={proposal} />}
      {editable && (
        <FieldScope id={id} error={failure}>
          <div class="proposal-controls">
            <label class="checkbox proposal-select">
              <input
                type="checkbox"
                checked={proposal.selected}
                onChange={(event) => onChange({ selected: event.currentTarget.checked })}
              />{' '}
              Record proposal {number}
            </label>
            <button
              type="button"
              aria-expanded={fieldsOpen}
              aria-controls={`${id}-fields`}
              onClick={() => setEditing(!fieldsOpen)}
            >
              Edit proposal {number}
            </button>
            <button type="button" class="quiet" onClick={props.onDrop}>
              Drop proposal {number}
            </button>
          </div>
          {fieldsOpen && (
            <div id={`${id}-fields`} class="proposal-fields">
              {development ? <DevelopmentFields {...props} /> : <ClaimFields {...props} />}
            </div>
          )}
        </FieldScope>
      )}
    </li>
  );
}

function ClaimFields(props: { proposal: Proposal; onChange: (changes: Partial<Proposal>) => void }) {
  const { proposal, onChange } = props;
  return (
    <>
      <TextArea
        name="statement"
        label="Statement"
        required
        rows={2}
        maxLength={2000}
        hint="The quote itself is kept, word for word, as the source's quote."
        value={proposal.statement}
        onValue={(statement) => onChange({ statement })}
      />
      <PartyField
        name="claimant"
        label="Claimant"
        required
        value={proposal.claimant}
        onChange={(claimant) => onChange({ claimant })}
      />
      {proposal.reportedBy && (
        <PartyField
          name="reportedBy"
          label="Reported by"
          value={proposal.reportedBy}
          onChange={(reportedBy) => onChange({ reportedBy })}
        />
      )}
      <div class="form-grid">
        <SelectField
          name="kind"
          label="Kind"
          required
          value={proposal.kind}
          options={CLAIM_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
          onValue={(kind) => onChange({ kind })}
        />
        <SelectField
          name="attribution"
          label="Attribution"
          required
          value={proposal.attribution}
          options={ATTRIBUTIONS.map((value) => ({ value, label: ATTRIBUTION_LABELS[value] }))}
          onValue={(attribution) => onChange({ attribution })}
        />
        {proposal.attribution === 'anonymous' && (
          <TextField
            name="anonymousSourceCount"
            label="Anonymous sources"
            type="number"
            min={1}
            value={proposal.anonymousSources}
            onValue={(anonymousSources) => onChange({ anonymousSources })}
          />
        )}
        <TextField
          name="language"
          label="Language"
          hint="BCP 47: de, en…"
          value={proposal.language}
          onValue={(language) => onChange({ language })}
        />
      </div>
    </>
  );
}

function DevelopmentFields(props: { proposal: Proposal; onChange: (changes: Partial<Proposal>) => void }) {
  const { proposal, onChange } = props;
  const meta = DEVELOPMENTS[proposal.item.development?.kind ?? 'contradiction'];
  return (
    <>
      <PartyField
        name="by"
        label="By"
        required
        value={proposal.claimant}
        onChange={(claimant) => onChange({ claimant })}
      />
      <div class="form-grid">
        {meta.kinds.length > 0 && (
          <SelectField
            name="kind"
            label={meta.kindLabel}
            required
            value={proposal.developmentKind}
            options={meta.kinds}
            onValue={(developmentKind) => onChange({ developmentKind })}
          />
        )}
        <TextField
          name="language"
          label="Language of the quote"
          hint="BCP 47: de, en…"
          value={proposal.language}
          onValue={(language) => onChange({ language })}
        />
      </div>
    </>
  );
}

/** What a development answers: another proposal (a link to its row) or a claim already recorded. */
function DevelopmentTarget(props: { proposal: Proposal }) {
  const of = props.proposal.item.development?.of;
  if (!of) return null;
  if ('claimId' in of) {
    return (
      <p>
        About the recorded claim <a href={claimAddress(of.claimId)}>{of.claimId}</a>; recorded against it.
      </p>
    );
  }
  return (
    <p>
      About proposal{' '}
      <a href={`#${proposalElementId(of.item)}`} onClick={(event) => (event.preventDefault(), showProposal(of.item))}>
        {of.item + 1}
      </a>
      ; recorded against its claim once that is recorded.
    </p>
  );
}

function OutcomeNotice(props: { proposal: Proposal }) {
  const { outcome } = props.proposal;
  const what = isDevelopment(props.proposal) ? 'This development' : 'This claim';
  switch (outcome.state) {
    case 'existing':
      return (
        <p class="notice tone-neutral proposal-outcome">
          Already recorded in this storyline: <a href={claimAddress(outcome.claimId)}>open the claim</a>. It is not
          recorded again.
        </p>
      );
    case 'recording':
      return <p class="notice tone-info proposal-outcome">Recording…</p>;
    case 'recorded':
      return (
        <p class="notice tone-good proposal-outcome">
          ✓ Recorded: <a href={claimAddress(outcome.claimId)}>open the claim</a>.
        </p>
      );
    case 'waiting':
      return <p class="notice tone-caution proposal-outcome">{outcome.reason}</p>;
    case 'failed':
      return (
        <FormProblem
          error={outcome.error}
          shownFields={ROW_FIELDS}
          refusal={`${what} needs a reporter or editor key.`}
        />
      );
    default:
      return null;
  }
}
