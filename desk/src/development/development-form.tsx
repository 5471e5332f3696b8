import { useState } from 'preact/hooks';
import { DevelopmentToRecord, recordDevelopment } from '../api/claim-commands';
import { CommandResult } from '../api/desk-api';
import { PartyInput as Party, SourceInput } from '../api/desk-commands';
import { Claim, PartyKind } from '../api/types';
import { filled, SelectField, TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { localToInstant, nowOccurred, Occurred, occurredForApi, OccurredField } from '../forms/occurred-field';
import { CoAuthorsField, coAuthorsToSend } from '../party/co-authors-field';
import { PartyField } from '../party/party-field';
import { DEVELOPMENTS, DevelopmentWhat } from './development-kinds';

const NO_SOURCE = { url: '', title: '', published: '', quote: '' };

/** The source fields someone filled in; no source at all when none was. */
function sourceToSend(source: typeof NO_SOURCE): SourceInput | undefined {
  const [url, title, published, quote] = [source.url, source.title, source.published, source.quote].map(filled);
  if (!url && !title && !published && !quote) return undefined;
  return {
    url: url ?? '',
    ...(title ? { title } : {}),
    ...(published ? { publishedAt: localToInstant(published) } : {}),
    ...(quote ? { quote } : {}),
  };
}

/** A support, contradiction or retraction of one claim, as the API records it. */
export function DevelopmentForm(props: {
  claim: Claim;
  what: DevelopmentWhat;
  onRecorded: (result: CommandResult, announcement: string) => void;
  onClose: () => void;
}) {
  const meta = DEVELOPMENTS[props.what];
  const { claimant } = props.claim;
  // A retraction comes from the claimant (or the reporting outlet): the form starts with the claimant.
  const [by, setBy] = useState<Party>(
    props.what === 'retraction'
      ? { name: claimant.name, kind: (claimant.kind ?? 'person') as PartyKind }
      : { name: '', kind: 'person' },
  );
  const [kind, setKind] = useState(meta.defaultKind ?? '');
  const [occurred, setOccurred] = useState<Occurred>(nowOccurred);
  const [source, setSource] = useState(NO_SOURCE);
  const [note, setNote] = useState('');
  const [coAuthors, setCoAuthors] = useState<Party[]>([]);
  // A retraction is the claimant's or reporter's own word: it has no co-authors.
  const joint = props.what === 'retraction' ? undefined : coAuthorsToSend(coAuthors);

  const development = (): DevelopmentToRecord => {
    const sent = sourceToSend(source);
    const noted = filled(note);
    return {
      by: { name: by.name.trim(), kind: by.kind },
      ...(joint ? { with: joint } : {}),
      ...(meta.kinds.length > 0 ? { kind } : {}),
      ...occurredForApi(occurred),
      ...(sent ? { source: sent } : {}),
      ...(noted ? { note: noted } : {}),
    };
  };

  return (
    <FormPanel
      id={`${props.what}-${props.claim.id}`}
      title={`${meta.action} to the claim by ${claimant.name}`}
      submitLabel={meta.submit}
      refusal="Developments need a reporter or editor key."
      send={(options) => recordDevelopment(props.claim.id, meta.route, development(), options)}
      onRecorded={(result) => props.onRecorded(result, `${meta.recorded} by ${by.name.trim()}.`)}
      onClose={props.onClose}
    >
      {meta.kinds.length > 0 && (
        <SelectField
          name="kind"
          label={meta.kindLabel}
          required
          options={meta.defaultKind ? meta.kinds : [{ value: '', label: 'Choose a kind…' }, ...meta.kinds]}
          value={kind}
          onValue={setKind}
        />
      )}
      <PartyField name="by" label="By" required value={by} onChange={setBy} />
      <p class="hint">
        {props.what === 'retraction'
          ? 'Only the claimant or the outlet that reported the claim can retract it, under any name the party registry gives them.'
          : 'Who says so: a person, government, organization or outlet.'}
      </p>
      {props.what !== 'retraction' && <CoAuthorsField value={coAuthors} onChange={setCoAuthors} />}
      <OccurredField label="Occurred" value={occurred} onChange={setOccurred} />
      <fieldset class="publication-fields">
        <legend>Source</legend>
        <TextField
          name="source.url"
          label="Source URL"
          type="url"
          maxLength={2000}
          required={Object.values(source).some((value) => value.trim() !== '')}
          value={source.url}
          onValue={(url) => setSource({ ...source, url })}
        />
        <TextField
          name="source.title"
          label="Source title"
          maxLength={500}
          value={source.title}
          onValue={(title) => setSource({ ...source, title })}
        />
        <TextField
          name="source.publishedAt"
          label="Published"
          type="datetime-local"
          value={source.published}
          onValue={(published) => setSource({ ...source, published })}
        />
        <TextArea
          name="source.quote"
          label="Quote"
          hint="The original wording, in the original language."
          rows={2}
          maxLength={5000}
          value={source.quote}
          onValue={(quote) => setSource({ ...source, quote })}
        />
      </fieldset>
      <TextArea name="note" label="Note" rows={2} maxLength={2000} value={note} onValue={setNote} />
    </FormPanel>
  );
}
