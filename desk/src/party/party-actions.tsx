import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { CommandOptions } from '../api/desk-commands';
import { PartyView } from '../api/party-types';
import {
  affiliateParty,
  discreditParty,
  endAffiliation,
  mergeParty,
  reinstateParty,
  reviseParty,
} from '../api/registry-commands';
import { filled, SelectField, TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';
import { useOpening } from '../forms/use-opening';
import { PartyField } from './party-field';
import { PartyChoice } from './party-picker';
import { pickedPartyId } from './picked-party';
import { RevisePartyForm } from './revise-party-form';
import { asTakenNameError, holderOf, TakenBy } from './taken-name';
import { AFFILIATION_RELATIONS, relationInWords } from './party-words';

type Action = 'revise' | 'alias' | 'affiliate' | 'end' | 'merge' | 'discredit' | 'reinstate';

const RELATION_OPTIONS = AFFILIATION_RELATIONS.map((relation) => ({
  value: relation,
  label: relationInWords(relation),
}));

/** A date typed in a date field, as the instant the API wants: the start of that day, UTC. */
const startOfDay = (date: string) => (filled(date) ? `${date}T00:00:00Z` : undefined);

/** The registry's commands on one party, each a form that opens in place of its button. */
export function PartyActions(props: {
  party: PartyView;
  onRecorded: (result: CommandResult) => void;
  onReload: () => void;
}) {
  const { party } = props;
  const [action, setAction] = useState<Action>();
  const opening = useOpening();
  const open = (next: Action) => {
    opening.show();
    setAction(next);
  };
  const close = () => {
    setAction(undefined);
    opening.close();
  };
  const [said, setSaid] = useState('');
  const recorded = (result: CommandResult) => {
    setSaid(`${buttons.find(([name]) => name === action)?.[1] ?? 'Change'}: recorded.`);
    setAction(undefined);
    opening.close();
    props.onRecorded(result);
  };
  const common = { party, onRecorded: recorded, onClose: close, onReload: props.onReload };
  const buttons: Array<[Action, string]> = [
    ['revise', 'Revise party'],
    ['alias', 'Add alias'],
    ['affiliate', 'Add affiliation'],
    ...((party.affiliations ?? []).some((row) => row.inEffect !== false)
      ? [['end', 'End affiliation'] as [Action, string]]
      : []),
    ...(party.mergedInto ? [] : [['merge', 'Merge into'] as [Action, string]]),
    party.discredited ? ['reinstate', 'Reinstate'] : ['discredit', 'Discredit'],
  ];

  return (
    <section class="party-actions" aria-label="Change the registry">
      <div class="desk-actions" role="group" aria-label="Registry actions">
        {buttons.map(([name, label]) => (
          <button
            key={name}
            type="button"
            aria-expanded={action === name ? 'true' : 'false'}
            onClick={() => (action === name ? close() : open(name))}
          >
            {label}
          </button>
        ))}
      </div>
      {action === 'revise' && <RevisePartyForm {...common} refusal={EDITOR_ONLY} />}
      {action === 'alias' && <AliasForm {...common} />}
      {action === 'affiliate' && <AffiliateForm {...common} />}
      {action === 'end' && <EndAffiliationForm {...common} />}
      {action === 'merge' && <MergeForm {...common} />}
      {(action === 'discredit' || action === 'reinstate') && (
        <ReasonForm {...common} reinstate={action === 'reinstate'} />
      )}
      <p class="announcement" role="status">
        {said}
      </p>
    </section>
  );
}

interface FormProps {
  party: PartyView;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
  /** After a 412: the party as it is now; the form and what was typed stay. */
  onReload: () => void;
}

const EDITOR_ONLY = 'Changing the registry needs an editor key.';

function AliasForm({ party, onRecorded, onClose, onReload }: FormProps) {
  const [alias, setAlias] = useState('');
  const [holder, setHolder] = useState<string>();
  const send = (options: CommandOptions) =>
    reviseParty(party.id, { addAliases: [alias.trim()] }, options).catch((error: unknown) => {
      setHolder(holderOf(error));
      throw asTakenNameError(error, () => 'addAliases');
    });
  return (
    <FormPanel
      id="add-alias"
      title={`Add an alias to ${party.name}`}
      submitLabel="Add alias"
      refusal={EDITOR_ONLY}
      ifMatch={party.revision}
      send={send}
      onRecorded={onRecorded}
      onClose={onClose}
      onReload={onReload}
    >
      <TextField
        name="addAliases"
        label="Alias"
        required
        maxLength={200}
        hint="Another name mentions use for this party: a spelling, a transliteration, a translation."
        value={alias}
        onValue={setAlias}
      />
      <TakenBy partyId={holder} />
    </FormPanel>
  );
}

function AffiliateForm({ party, onRecorded, onClose, onReload }: FormProps) {
  const [other, setOther] = useState<PartyChoice>({ name: '' });
  const [relation, setRelation] = useState<string>(AFFILIATION_RELATIONS[0]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const send = async (options: CommandOptions) =>
    affiliateParty(
      party.id,
      { partyId: pickedPartyId(other, 'partyId'), relation, from: startOfDay(from), to: startOfDay(to) },
      options,
    );
  return (
    <FormPanel
      id="add-affiliation"
      title={`Add an affiliation of ${party.name}`}
      submitLabel="Add affiliation"
      refusal={EDITOR_ONLY}
      ifMatch={party.revision}
      send={send}
      onRecorded={onRecorded}
      onClose={onClose}
      onReload={onReload}
    >
      <PartyField name="partyId" label="Party" registeredOnly exclude={party.id} value={other} onChange={setOther} />
      <SelectField
        name="relation"
        label="Relation"
        required
        hint={`${party.name} is … the party above.`}
        value={relation}
        onValue={setRelation}
        options={RELATION_OPTIONS}
      />
      <TextField
        name="from"
        label="From"
        type="date"
        hint="In effect from this day; open when empty."
        value={from}
        onValue={setFrom}
      />
      <TextField
        name="to"
        label="To"
        type="date"
        hint="In effect until this day; open when empty."
        value={to}
        onValue={setTo}
      />
    </FormPanel>
  );
}

function EndAffiliationForm({ party, onRecorded, onClose, onReload }: FormProps) {
  const rows = (party.affiliations ?? []).filter((row) => row.inEffect !== false);
  const options = rows.map((row, index) => ({
    value: String(index),
    label: `${relationInWords(row.relation)} ${row.name ?? row.partyId}`,
  }));
  const [chosen, setChosen] = useState('0');
  const [to, setTo] = useState('');
  const send = (commandOptions: CommandOptions) => {
    const row = rows[Number(chosen)];
    return endAffiliation(
      party.id,
      { partyId: row.partyId, relation: row.relation, to: startOfDay(to) },
      commandOptions,
    );
  };
  return (
    <FormPanel
      id="end-affiliation"
      title={`End an affiliation of ${party.name}`}
      submitLabel="End affiliation"
      refusal={EDITOR_ONLY}
      ifMatch={party.revision}
      send={send}
      onRecorded={onRecorded}
      onClose={onClose}
      onReload={onReload}
    >
      <SelectField name="partyId" label="Affiliation" required value={chosen} onValue={setChosen} options={options} />
      <TextField name="to" label="Ended on" type="date" hint="Empty: it ends now." value={to} onValue={setTo} />
    </FormPanel>
  );
}

function MergeForm({ party, onRecorded, onClose, onReload }: FormProps) {
  const [into, setInto] = useState<PartyChoice>({ name: '' });
  return (
    <FormPanel
      id="merge-party"
      title={`Merge ${party.name} into another party`}
      submitLabel="Merge"
      refusal={EDITOR_ONLY}
      ifMatch={party.revision}
      send={async (options) => mergeParty(party.id, pickedPartyId(into, 'into'), options)}
      onRecorded={onRecorded}
      onClose={onClose}
      onReload={onReload}
    >
      <p class="hint">
        When {party.name} is a duplicate: its names and mentions then count for the party picked here, and this page
        stays as a pointer to it.
      </p>
      <PartyField name="into" label="Merge into" registeredOnly exclude={party.id} value={into} onChange={setInto} />
    </FormPanel>
  );
}

function ReasonForm({ party, onRecorded, onClose, onReload, reinstate }: FormProps & { reinstate: boolean }) {
  const [reason, setReason] = useState('');
  return (
    <FormPanel
      id={reinstate ? 'reinstate-party' : 'discredit-party'}
      title={reinstate ? `Reinstate ${party.name}` : `Discredit ${party.name}`}
      submitLabel={reinstate ? 'Reinstate' : 'Discredit'}
      refusal={EDITOR_ONLY}
      ifMatch={party.revision}
      send={(options) => (reinstate ? reinstateParty : discreditParty)(party.id, reason.trim(), options)}
      onRecorded={onRecorded}
      onClose={onClose}
      onReload={onReload}
    >
      <TextArea
        name="reason"
        label="Reason"
        required
        maxLength={2000}
        hint={
          reinstate
            ? 'Why it can be trusted again.'
            : 'Why it is not to be trusted: its supports stop counting as independent, its contradictions stop disputing.'
        }
        value={reason}
        onValue={setReason}
      />
    </FormPanel>
  );
}
