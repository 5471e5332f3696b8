import { useState } from 'preact/hooks';
import { ClaimRelationKind, relateClaims } from '../api/claim-commands';
import { CommandResult } from '../api/desk-api';
import { Claim } from '../api/types';
import { SelectField, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';

const RELATIONS: ReadonlyArray<{ value: ClaimRelationKind; label: string }> = [
  { value: 'same_as', label: 'The same claim, recorded again' },
  { value: 'rival_of', label: 'A rival explanation' },
];

/** Relates the claim to another, in any storyline, by the other claim's id (its address ends with it). */
export function RelationForm(props: {
  claim: Claim;
  onRecorded: (result: CommandResult, announcement: string) => void;
  onClose: () => void;
}) {
  const [other, setOther] = useState('');
  const [relation, setRelation] = useState<ClaimRelationKind>('same_as');
  const otherId = () => other.trim().split('/').pop() ?? '';
  return (
    <FormPanel
      id={`relation-${props.claim.id}`}
      title={`Relate the claim by ${props.claim.claimant.name} to another claim`}
      submitLabel="Relate"
      refusal="Relating claims needs an editor key."
      send={(options) => relateClaims(props.claim.id, { claimId: otherId(), relation }, options)}
      onRecorded={(result) => props.onRecorded(result, `Related to claim ${otherId()}.`)}
      onClose={props.onClose}
    >
      <TextField
        name="claimId"
        label="Other claim"
        required
        maxLength={200}
        hint="Its id, or its desk address: /desk/claims/…"
        value={other}
        onValue={setOther}
      />
      <SelectField name="relation" label="Relation" value={relation} onValue={setRelation} options={RELATIONS} />
    </FormPanel>
  );
}
