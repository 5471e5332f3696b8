import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { nameStakeholder, removeStakeholder } from '../api/desk-commands';
import { Stakeholder, Storyline } from '../api/types';
import { TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { newIdempotencyKey } from '../forms/idempotency-key';
import { useOpening } from '../forms/use-opening';
import { formatTime } from '../format/time';
import { PartyField } from '../party/party-field';
import { PartyChoice } from '../party/party-picker';
import { pickedPartyId } from '../party/picked-party';
import { partyAddress } from '../ui/addresses';
import { StakeholderName, useStakeholderNames } from './stakeholder-names';

const REFUSAL = 'Stakeholders are named and removed with an editor key.';

function period(stakeholder: Stakeholder): string {
  if (stakeholder.from && stakeholder.to)
    return ` from ${formatTime(stakeholder.from)} until ${formatTime(stakeholder.to)}`;
  if (stakeholder.from) return ` from ${formatTime(stakeholder.from)}`;
  if (stakeholder.to) return ` until ${formatTime(stakeholder.to)}`;
  return '';
}

/** The stakeholder by its registered name, leading to its page; by its id when the registry does not know it. */
function StakeholderParty(props: { partyId: string; name: StakeholderName | undefined; asOf?: string }) {
  if (props.name === null)
    return (
      <span>
        <bdi>{props.partyId}</bdi> <span class="muted">(not in the registry)</span>
      </span>
    );
  return (
    <a href={partyAddress(props.partyId, props.asOf)} dir="auto">
      {props.name ?? props.partyId}
    </a>
  );
}

function NameStakeholderForm(props: {
  storylineId: string;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
}) {
  const [party, setParty] = useState<PartyChoice>({ name: '' });
  const [fields, setFields] = useState({ reason: '', from: '' });
  const body = () => ({
    partyId: pickedPartyId(party, 'partyId'),
    reason: fields.reason.trim(),
    ...(fields.from ? { from: new Date(fields.from).toISOString() } : {}),
  });
  return (
    <FormPanel
      id="name-stakeholder"
      title="Name a stakeholder"
      submitLabel="Name stakeholder"
      refusal={REFUSAL}
      send={async (options) => nameStakeholder(props.storylineId, body(), options)}
      onRecorded={props.onRecorded}
      onClose={props.onClose}
    >
      <div class="form-grid">
        <PartyField name="partyId" label="Party" registeredOnly value={party} onChange={setParty} />
        <TextField
          name="reason"
          label="Why it has a stake"
          required
          maxLength={500}
          value={fields.reason}
          onValue={(reason) => setFields({ ...fields, reason })}
        />
        <TextField
          name="from"
          label="From"
          hint="Empty: the stake counts at any date"
          type="datetime-local"
          value={fields.from}
          onValue={(from) => setFields({ ...fields, from })}
        />
      </div>
    </FormPanel>
  );
}

/**
 * The parties with a stake in the storyline, each with its reason and dates: their supports, and
 * those of parties related to them, do not count as independent. An editor names and removes them.
 */
export function Stakeholders(props: {
  storyline: Storyline;
  /** The moment the storyline is shown at, when in the past: names are the registry's then. */
  asOf?: string;
  editable: boolean;
  reload: (minPosition?: number) => void;
}) {
  const form = useOpening();
  const [said, setSaid] = useState('');
  const stakeholders = props.storyline.stakeholders ?? [];
  const names = useStakeholderNames(
    stakeholders.map((stakeholder) => stakeholder.partyId),
    props.asOf,
  );
  if (!props.editable && stakeholders.length === 0) return null;
  const nameOf = (partyId: string) => names.get(partyId) ?? partyId;
  const remove = (partyId: string) =>
    removeStakeholder(props.storyline.id, partyId, { idempotencyKey: newIdempotencyKey() }).then(
      (result) => {
        setSaid(`${nameOf(partyId)} is no longer a stakeholder.`);
        props.reload(result.position);
      },
      (error: unknown) =>
        setSaid(`Could not remove ${nameOf(partyId)}: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <section aria-labelledby="stakeholders-title" class="stakeholders">
      <h2 id="stakeholders-title">Stakeholders</h2>
      {stakeholders.length === 0 ? (
        <p class="muted">No stakeholders named: every support is weighed for independence as usual.</p>
      ) : (
        <ul class="stakeholder-list">
          {stakeholders.map((stakeholder) => (
            <li key={stakeholder.partyId} class="stakeholder">
              <StakeholderParty partyId={stakeholder.partyId} name={names.get(stakeholder.partyId)} asOf={props.asOf} />{' '}
              has a stake in this story: <span dir="auto">{stakeholder.reason}</span>
              {period(stakeholder)}
              {props.editable && (
                <button
                  type="button"
                  class="quiet"
                  aria-label={`Remove stakeholder ${nameOf(stakeholder.partyId)}`}
                  onClick={() => void remove(stakeholder.partyId)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.editable && (
        <button
          ref={form.opener}
          type="button"
          aria-expanded={form.open}
          onClick={() => (form.open ? form.close() : form.show())}
        >
          Name stakeholder
        </button>
      )}
      {form.open && (
        <NameStakeholderForm
          storylineId={props.storyline.id}
          onClose={form.close}
          onRecorded={(result) => {
            form.close();
            setSaid('Stakeholder named.');
            props.reload(result.position);
          }}
        />
      )}
      <p class="announcement" role="status">
        {said}
      </p>
    </section>
  );
}
