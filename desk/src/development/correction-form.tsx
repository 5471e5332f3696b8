import { useState } from 'preact/hooks';
import { useOpened } from '../forms/use-opened';
import { correctClaim } from '../api/claim-commands';
import { CommandResult } from '../api/desk-api';
import { ATTRIBUTIONS, Attribution, Claim, CLAIM_KINDS, ClaimKind } from '../api/types';
import { BeforeAfterTable } from '../claim/before-after-table';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { changesFrom, CorrectableFields, correctableFields, currentValues } from './correction-changes';
import { occurredForApi, OccurredField } from '../forms/occurred-field';
import { PartyField } from '../party/party-field';

const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  on_record: 'On the record',
  anonymous: 'Anonymous sources',
  official_statement: 'Official statement',
  unattributed: 'Unattributed',
};

/**
 * An editor fixes a data-entry mistake: the fields start as the claim stands, the table shows each
 * changed field before and after, and only the changed fields are sent, with If-Match on the
 * revision the editor saw.
 */
export function CorrectionForm(props: {
  claim: Claim;
  onRecorded: (result: CommandResult, announcement: string) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { opened: claim, fields, setFields, rebase } = useOpened(props.claim, correctableFields);
  const [reason, setReason] = useState('');
  const set =
    <K extends keyof CorrectableFields>(field: K) =>
    (value: CorrectableFields[K]) =>
      setFields({ ...fields, [field]: value });
  const changes = changesFrom(correctableFields(claim), fields, occurredForApi);
  const before = currentValues(claim, changes);
  const changed = Object.keys(changes);

  return (
    <FormPanel
      id={`correction-${claim.id}`}
      title={`Correct the claim by ${claim.claimant.name}`}
      submitLabel="Record correction"
      refusal="Corrections need an editor key."
      ifMatch={claim.revision}
      send={(options) => correctClaim(claim.id, { changes, reason: reason.trim() }, options)}
      onRecorded={(result) =>
        props.onRecorded(result, `Correction recorded: ${changed.join(', ')}. The history keeps the original.`)
      }
      onClose={props.onClose}
      onReload={() => {
        rebase();
        props.onReload();
      }}
    >
      <p class="hint">
        For data-entry mistakes only: what was said in the world changes through supports, contradictions and
        retractions. Change a field below; only the changed fields are sent.
      </p>
      <TextArea
        name="changes.statement"
        label="Statement"
        required
        rows={3}
        maxLength={2000}
        value={fields.statement}
        onValue={set('statement')}
      />
      <div class="form-grid">
        <TextField
          name="changes.language"
          label="Language"
          required
          maxLength={35}
          hint="A BCP 47 tag: en, de, uk, ar…"
          value={fields.language}
          onValue={set('language')}
        />
        <SelectField<ClaimKind>
          name="changes.kind"
          label="Kind of claim"
          required
          options={CLAIM_KINDS.map((kind) => ({ value: kind, label: kind }))}
          value={fields.kind}
          onValue={set('kind')}
        />
      </div>
      <PartyField
        name="changes.claimant"
        label="Claimant"
        required
        value={fields.claimant}
        onChange={set('claimant')}
      />
      <PartyField
        name="changes.reportedBy"
        label="Reported by"
        value={fields.reportedBy}
        onChange={set('reportedBy')}
      />
      <p class="hint">Clear the name under “Reported by” to remove it.</p>
      <div class="form-grid">
        <SelectField<Attribution>
          name="changes.attribution"
          label="Attribution"
          required
          options={ATTRIBUTIONS.map((value) => ({ value, label: ATTRIBUTION_LABELS[value] }))}
          value={fields.attribution}
          onValue={set('attribution')}
        />
        {fields.attribution === 'anonymous' && (
          <TextField
            name="changes.anonymousSourceCount"
            label="Anonymous sources"
            type="number"
            min={1}
            value={fields.anonymousSourceCount}
            onValue={set('anonymousSourceCount')}
          />
        )}
      </div>
      <OccurredField label="Occurred" value={fields.occurred} onChange={set('occurred')} />
      <TextArea
        name="changes.summary"
        label="Summary"
        rows={2}
        maxLength={2000}
        value={fields.summary}
        onValue={set('summary')}
      />
      <TextField
        name="changes.tags"
        label="Tags"
        hint="Separated by commas."
        value={fields.tags}
        onValue={set('tags')}
      />
      <TextArea
        name="reason"
        label="Reason"
        required
        rows={2}
        maxLength={2000}
        hint="Why it is corrected: kept in the history beside the change."
        value={reason}
        onValue={setReason}
      />
      <section class="correction-preview" aria-live="polite" aria-label="Before and after">
        {changed.length === 0 ? (
          <p class="muted">Nothing changed yet.</p>
        ) : (
          <BeforeAfterTable
            caption="What this correction changes"
            rows={changed.map((field) => ({ field, before: before[field], after: changes[field] }))}
          />
        )}
      </section>
    </FormPanel>
  );
}
