import { useState } from 'preact/hooks';
import { FactCheckToRecord, recordFactCheck } from '../api/claim-commands';
import { CommandResult } from '../api/desk-api';
import { PartyInput as Party } from '../api/desk-commands';
import { Claim } from '../api/types';
import { filled, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { localToInstant, nowOccurred } from '../forms/occurred-field';
import { PartyField } from '../party/party-field';

const NO_RATING = { text: '', value: '', best: '', worst: '' };

/** A number typed in a field, or nothing when it was left blank. */
const numberIn = (typed: string) => (filled(typed) === undefined ? undefined : Number(typed));

/** Another fact-checker's published review of the claim: evidence that counts by where its rating falls. */
export function FactCheckForm(props: {
  claim: Claim;
  onRecorded: (result: CommandResult, announcement: string) => void;
  onClose: () => void;
}) {
  const [by, setBy] = useState<Party>({ name: '', kind: 'organization' });
  const [rating, setRating] = useState(NO_RATING);
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState(() => nowOccurred().local);

  const factCheck = (): FactCheckToRecord => {
    const [value, best, worst] = [rating.value, rating.best, rating.worst].map(numberIn);
    return {
      by: { name: by.name.trim(), kind: by.kind },
      rating: {
        text: rating.text.trim(),
        ...(value !== undefined ? { value } : {}),
        ...(best !== undefined ? { best } : {}),
        ...(worst !== undefined ? { worst } : {}),
      },
      url: url.trim(),
      publishedAt: localToInstant(published) ?? '',
    };
  };

  return (
    <FormPanel
      id={`fact-check-${props.claim.id}`}
      title={`Record another fact-checker’s review of the claim by ${props.claim.claimant.name}`}
      submitLabel="Record fact-check"
      refusal="Outside fact-checks need an editor key."
      send={(options) => recordFactCheck(props.claim.id, factCheck(), options)}
      onRecorded={(result) => props.onRecorded(result, `Fact-check by ${by.name.trim()} recorded.`)}
      onClose={props.onClose}
    >
      <PartyField name="by" label="Fact-checker" required value={by} onChange={setBy} />
      <fieldset class="publication-fields">
        <legend>Rating</legend>
        <TextField
          name="rating.text"
          label="Rating"
          required
          maxLength={200}
          hint="In the fact-checker’s own words, as published."
          value={rating.text}
          onValue={(text) => setRating({ ...rating, text })}
        />
        <TextField
          name="rating.value"
          label="On its scale"
          type="number"
          hint="Where it falls between the false and the true end; without it, the review counts as neither."
          value={rating.value}
          onValue={(value) => setRating({ ...rating, value })}
        />
        <TextField
          name="rating.worst"
          label="False end"
          type="number"
          placeholder="1"
          value={rating.worst}
          onValue={(worst) => setRating({ ...rating, worst })}
        />
        <TextField
          name="rating.best"
          label="True end"
          type="number"
          placeholder="5"
          value={rating.best}
          onValue={(best) => setRating({ ...rating, best })}
        />
      </fieldset>
      <TextField name="url" label="Review URL" type="url" required maxLength={2000} value={url} onValue={setUrl} />
      <TextField
        name="publishedAt"
        label="Published"
        type="datetime-local"
        required
        value={published}
        onValue={setPublished}
      />
    </FormPanel>
  );
}
