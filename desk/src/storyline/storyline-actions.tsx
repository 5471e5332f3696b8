import { useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { Storyline } from '../api/types';
import { RecordClaimForm } from '../claim/record-claim-form';
import { useOpening } from '../forms/use-opening';
import { captureAddress } from '../ui/addresses';
import { useShortcut } from '../ui/shortcuts';
import { EditStorylineForm } from './storyline-form';

/** What an editor records on a storyline; each form opens under the buttons and closes back onto them. */
export function StorylineActions(props: { storyline: Storyline; reload: (minPosition?: number) => void }) {
  const edit = useOpening();
  const claim = useOpening();
  useShortcut('c', 'Record a claim on this storyline', claim.show);
  const [said, setSaid] = useState('');
  const recorded = (close: () => void, words: string) => (result: CommandResult) => {
    close();
    setSaid(words);
    props.reload(result.position);
  };
  return (
    <>
      <div class="desk-actions" role="group" aria-label="Record on this storyline">
        <button
          ref={claim.opener}
          type="button"
          class="primary"
          aria-expanded={claim.open}
          aria-keyshortcuts="c"
          onClick={() => (claim.open ? claim.close() : claim.show())}
        >
          Record claim
        </button>
        <button
          ref={edit.opener}
          type="button"
          aria-expanded={edit.open}
          onClick={() => (edit.open ? edit.close() : edit.show())}
        >
          Edit storyline
        </button>
        <a class="desk-action-link" href={captureAddress(props.storyline.id)}>
          Capture from article
        </a>
      </div>
      {claim.open && (
        <RecordClaimForm
          storylineId={props.storyline.id}
          onClose={claim.close}
          onRecorded={recorded(claim.close, 'Claim recorded.')}
        />
      )}
      {edit.open && (
        <EditStorylineForm
          storyline={props.storyline}
          onClose={edit.close}
          onReload={() => props.reload()}
          onRecorded={recorded(edit.close, 'Storyline saved.')}
        />
      )}
      <p class="announcement" role="status">
        {said}
      </p>
    </>
  );
}
