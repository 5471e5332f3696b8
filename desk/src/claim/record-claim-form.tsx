import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { ClaimToRecord, PartyInput, recordClaim, SourceInput } from '../api/desk-commands';
import { ATTRIBUTIONS, Attribution, CLAIM_KINDS, ClaimKind } from '../api/types';
import { filled, SelectField, TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { localToInstant, nowOccurred, Occurred, occurredForApi, OccurredField } from '../forms/occurred-field';
import { CoAuthorsField, coAuthorsToSend } from '../party/co-authors-field';
import { PartyField } from '../party/party-field';

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  on_record: 'On the record',
  anonymous: 'Anonymous sources',
  official_statement: 'Official statement',
  unattributed: 'Unattributed',
};

export const KIND_LABELS: Record<ClaimKind, string> = {
  factual: 'Factual: a checkable statement of fact',
  opinion: 'Opinion',
  prediction: 'Prediction',
};

const SOURCE_FIELDS = {
  url: '',
  title: '',
  published: '',
  quote: '',
  quoteLanguage: '',
  translation: '',
  translationLanguage: '',
};
type SourceFields = typeof SOURCE_FIELDS;

/** The source only when something of it was typed; without a URL the API says so next to "Source URL". */
function sourceOf(fields: SourceFields): SourceInput | undefined {
  if (!Object.values(fields).some((value) => value.trim())) return undefined;
  const translation = filled(fields.translation);
  return {
    url: fields.url.trim(),
    title: filled(fields.title),
    publishedAt: localToInstant(fields.published),
    quote: filled(fields.quote),
    quoteLanguage: filled(fields.quoteLanguage),
    translation: translation ? { text: translation, language: fields.translationLanguage.trim() } : undefined,
  };
}

const partyOf = (party: PartyInput): PartyInput => ({ ...party, name: party.name.trim() });

export function RecordClaimForm(props: {
  storylineId: string;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
}) {
  const [statement, setStatement] = useState('');
  const [language, setLanguage] = useState('');
  const [kind, setKind] = useState<ClaimKind>('factual');
  const [claimant, setClaimant] = useState<PartyInput>({ name: '', kind: 'person' });
  const [reportedBy, setReportedBy] = useState<PartyInput>({ name: '', kind: 'media' });
  const [about, setAbout] = useState<PartyInput>({ name: '', kind: 'government' });
  const [coAuthors, setCoAuthors] = useState<PartyInput[]>([]);
  const [attribution, setAttribution] = useState<Attribution>('on_record');
  const [anonymousSources, setAnonymousSources] = useState('');
  const [occurred, setOccurred] = useState<Occurred>(nowOccurred);
  const [summary, setSummary] = useState('');
  const [source, setSource] = useState(SOURCE_FIELDS);
  const sourceField = (field: keyof SourceFields) => ({
    value: source[field],
    onValue: (value: string) => setSource({ ...source, [field]: value }),
  });

  const claim = (): ClaimToRecord => ({
    statement: statement.trim(),
    language: filled(language),
    kind,
    claimant: partyOf(claimant),
    reportedBy: reportedBy.name.trim() ? partyOf(reportedBy) : undefined,
    about: about.name.trim() ? [partyOf(about)] : undefined,
    with: coAuthorsToSend(coAuthors),
    attribution,
    anonymousSourceCount: attribution === 'anonymous' && anonymousSources ? Number(anonymousSources) : undefined,
    ...occurredForApi(occurred),
    summary: filled(summary),
    source: sourceOf(source),
  });

  return (
    <FormPanel
      id="record-claim"
      title="Record claim"
      submitLabel="Record claim"
      refusal="Claims are recorded with a reporter or editor key."
      send={(options) => recordClaim(props.storylineId, claim(), options)}
      onRecorded={props.onRecorded}
      onClose={props.onClose}
    >
      <div class="form-grid">
        <TextArea
          name="statement"
          label="Statement"
          required
          maxLength={2000}
          value={statement}
          onValue={setStatement}
        />
        <TextField
          name="language"
          label="Language"
          hint="Of the statement, as a BCP 47 tag: en, de, uk, ar."
          value={language}
          onValue={setLanguage}
        />
        <SelectField
          name="kind"
          label="Kind"
          required
          value={kind}
          options={CLAIM_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
          onValue={setKind}
        />
      </div>
      <PartyField name="claimant" label="Claimant" required value={claimant} onChange={setClaimant} />
      <PartyField name="reportedBy" label="Reported by" value={reportedBy} onChange={setReportedBy} />
      <PartyField name="about" label="About" value={about} onChange={setAbout} />
      <CoAuthorsField value={coAuthors} onChange={setCoAuthors} />
      <div class="form-grid">
        <SelectField
          name="attribution"
          label="Attribution"
          required
          value={attribution}
          options={ATTRIBUTIONS.map((value) => ({ value, label: ATTRIBUTION_LABELS[value] }))}
          onValue={setAttribution}
        />
        {attribution === 'anonymous' && (
          <TextField
            name="anonymousSourceCount"
            label="Anonymous sources"
            type="number"
            min={1}
            hint="How many sources the report cites."
            value={anonymousSources}
            onValue={setAnonymousSources}
          />
        )}
        <OccurredField label="Occurred" value={occurred} onChange={setOccurred} />
        <TextField
          name="summary"
          label="Summary"
          hint="At most 75 characters: the short form published as ClaimReview’s claim reviewed."
          value={summary}
          onValue={setSummary}
        />
      </div>
      <fieldset>
        <legend>
          Source <span class="muted">(optional)</span>
        </legend>
        <div class="form-grid">
          <TextField name="source.url" label="Source URL" type="url" maxLength={2000} {...sourceField('url')} />
          <TextField name="source.title" label="Source title" maxLength={500} {...sourceField('title')} />
          <TextField name="source.publishedAt" label="Published" type="datetime-local" {...sourceField('published')} />
          <TextArea
            name="source.quote"
            label="Quote"
            hint="In the original wording and language, never a translation."
            maxLength={5000}
            {...sourceField('quote')}
          />
          <TextField
            name="source.quoteLanguage"
            label="Quote language"
            hint="BCP 47: de, en…"
            {...sourceField('quoteLanguage')}
          />
          <TextArea
            name="source.translation.text"
            label="Translation"
            hint="Only when the source gives the words in another language than the original."
            maxLength={5000}
            {...sourceField('translation')}
          />
          <TextField
            name="source.translation.language"
            label="Translation language"
            {...sourceField('translationLanguage')}
          />
        </div>
      </fieldset>
    </FormPanel>
  );
}
