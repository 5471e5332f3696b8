import { useRef, useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { Claim, Verdict } from '../api/types';
import { isFactual } from '../claim/kinds';
import { VerdictForm } from '../review/verdict-form';
import { CLAIM_STATUS_META } from '../status/status-meta';
import { useShortcut } from '../ui/shortcuts';
import { CorrectionForm } from './correction-form';
import { DEVELOPMENTS, DevelopmentWhat } from './development-kinds';
import { DevelopmentForm } from './development-form';
import { FactCheckForm } from './fact-check-form';
import { RelationForm } from './relation-form';

type Action = DevelopmentWhat | 'correction' | 'fact-check' | 'verdict' | 'relation';

const LABELS: Record<Action, string> = {
  support: DEVELOPMENTS.support.action,
  contradiction: DEVELOPMENTS.contradiction.action,
  retraction: DEVELOPMENTS.retraction.action,
  correction: 'Correct',
  'fact-check': 'Record fact-check',
  verdict: 'Verdict',
  relation: 'Relate to a claim',
};

/**
 * What can be recorded on a claim, one form at a time. After a write the page reads its own write
 * (`onRecorded` reloads at the answer's position); the focus goes back to the button that opened it.
 */
export function ClaimActions(props: { claim: Claim; onRecorded: (position: number) => void; onReload: () => void }) {
  const { claim } = props;
  const [open, setOpen] = useState<Action>();
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<Action, HTMLButtonElement>());
  const cameFrom = useRef<HTMLElement | null>(null);
  const actions: Action[] = [
    'support',
    'contradiction',
    ...(claim.retraction ? [] : (['retraction'] as const)),
    'correction',
    'fact-check',
    ...(isFactual(claim) ? (['verdict'] as const) : []),
    'relation',
  ];

  const show = (action: Action) => {
    const active = document.activeElement;
    cameFrom.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setAnnouncement('');
    setOpen(action);
  };
  // Back where the focus came from: the button, or what had it when a shortcut opened the form.
  const close = () => {
    const opener = open;
    setOpen(undefined);
    requestAnimationFrame(() => {
      const back = cameFrom.current?.isConnected ? cameFrom.current : opener && buttons.current.get(opener);
      back?.focus();
    });
  };
  const shortcut = (action: Action) => () => {
    if (actions.includes(action)) show(action);
  };
  useShortcut('s', 'Add support to this claim', shortcut('support'));
  useShortcut('d', 'Add a contradiction (denial, dispute) to this claim', shortcut('contradiction'));
  useShortcut('r', 'Record the claim’s retraction', shortcut('retraction'));
  useShortcut('v', 'Issue a verdict on this claim', shortcut('verdict'));
  const recorded = (result: CommandResult, text: string) => {
    setAnnouncement(text);
    close();
    props.onRecorded(result.position);
  };

  return (
    <section aria-labelledby="record-title" class="panel claim-actions">
      <h2 id="record-title">Record</h2>
      <p role="status" class="announcement">
        {announcement}
      </p>
      <div class="desk-actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            class={open === action ? 'primary' : undefined}
            aria-expanded={open === action}
            aria-controls={open === action ? `${action}-form-${claim.id}` : undefined}
            ref={(element) => {
              if (element) buttons.current.set(action, element);
            }}
            onClick={() => (open === action ? close() : show(action))}
          >
            {LABELS[action]}
          </button>
        ))}
      </div>
      <div id={open ? `${open}-form-${claim.id}` : undefined}>
        {(open === 'support' || open === 'contradiction' || open === 'retraction') && (
          <DevelopmentForm key={open} claim={claim} what={open} onRecorded={recorded} onClose={close} />
        )}
        {open === 'correction' && (
          <CorrectionForm claim={claim} onRecorded={recorded} onClose={close} onReload={props.onReload} />
        )}
        {open === 'fact-check' && <FactCheckForm claim={claim} onRecorded={recorded} onClose={close} />}
        {open === 'relation' && <RelationForm claim={claim} onRecorded={recorded} onClose={close} />}
        {open === 'verdict' && (
          <VerdictForm
            claim={claim}
            formId={`verdict-form-${claim.id}`}
            onCancel={close}
            onIssued={(result, verdict: Verdict) =>
              recorded(result, `Verdict “${CLAIM_STATUS_META[verdict].label}” recorded.`)
            }
          />
        )}
      </div>
    </section>
  );
}
