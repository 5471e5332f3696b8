import { DevelopmentRoute } from '../api/claim-commands';

export type DevelopmentWhat = 'support' | 'contradiction' | 'retraction';

interface DevelopmentMeta {
  route: DevelopmentRoute;
  /** The button that opens the form. */
  action: string;
  submit: string;
  kindLabel: string;
  kinds: { value: string; label: string }[];
  /** The kind the form starts with; without one, the reporter must choose. */
  defaultKind?: string;
  recorded: string;
}

/** As the API's SUPPORT_KINDS, CONTRADICTION_KINDS and RETRACTION_KINDS. */
export const DEVELOPMENTS: Record<DevelopmentWhat, DevelopmentMeta> = {
  support: {
    route: 'supports',
    action: 'Add support',
    submit: 'Record support',
    kindLabel: 'Kind of support',
    kinds: [
      { value: 'corroboration', label: 'Corroboration: says the same, independently' },
      { value: 'confirmation', label: 'Confirmation: the party concerned confirms it' },
      { value: 'evidence', label: 'Evidence: a document, figure or recording' },
    ],
    recorded: 'Support recorded',
  },
  contradiction: {
    route: 'contradictions',
    action: 'Add contradiction',
    submit: 'Record contradiction',
    kindLabel: 'Kind of contradiction',
    kinds: [
      { value: 'denial', label: 'Denial: the party concerned denies it' },
      { value: 'dispute', label: 'Dispute: another party says otherwise' },
      { value: 'counter_evidence', label: 'Counter-evidence: a document, figure or recording against it' },
    ],
    recorded: 'Contradiction recorded',
  },
  retraction: {
    route: 'retraction',
    action: 'Record retraction',
    submit: 'Record retraction',
    kindLabel: 'How it was retracted',
    kinds: [
      { value: 'withdrawn', label: 'Withdrawn: retracted in so many words' },
      { value: 'deleted', label: 'Deleted without comment: the post or article was taken down' },
    ],
    defaultKind: 'withdrawn',
    recorded: 'Retraction recorded',
  },
};
