import { Party, ResolvedParty } from '../api/types';
import { partyAddress } from '../ui/addresses';

function Resolved(props: { party: ResolvedParty }) {
  return props.party.registered ? (
    <a href={partyAddress(props.party.id)} dir="auto">
      {props.party.name}
    </a>
  ) : (
    <bdi>{props.party.name}</bdi>
  );
}

/**
 * A party as the reporter named it and, when the registry resolves the mention to a party of
 * another name, that party too: "Wolodymyr Selenskyj → Volodymyr Zelensky". A registered party's
 * name leads to its page.
 */
export function PartyName(props: { mention: Pick<Party, 'id' | 'name'>; resolved?: ResolvedParty; strong?: boolean }) {
  const { mention, resolved } = props;
  const Name = props.strong ? 'strong' : 'span';
  if (!resolved || resolved.name === mention.name) {
    return (
      <Name class="party-name" dir="auto">
        {resolved?.registered ? <Resolved party={resolved} /> : mention.name}
      </Name>
    );
  }
  return (
    <span class="party-name">
      <Name dir="auto">{mention.name}</Name> <span aria-hidden="true">→</span>
      <span class="visually-hidden">, in the registry:</span> <Resolved party={resolved} />
    </span>
  );
}
