import { useEffect, useState } from 'preact/hooks';
import { CommandResult } from '../api/desk-api';
import { openStoryline, reviseStoryline, StorylineFields } from '../api/desk-commands';
import { Storyline } from '../api/types';
import { TextArea, TextField } from '../forms/fields';
import { FormPanel } from '../forms/form-panel';

const REFUSAL = 'Storylines are opened and revised with a reporter or editor key.';

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

function Fields(props: {
  fields: { title: string; summary: string; tags: string };
  onChange: (fields: { title: string; summary: string; tags: string }) => void;
}) {
  const { fields, onChange } = props;
  return (
    <div class="form-grid">
      <TextField
        name="title"
        label="Title"
        required
        maxLength={200}
        value={fields.title}
        onValue={(title) => onChange({ ...fields, title })}
      />
      <TextArea
        name="summary"
        label="Summary"
        value={fields.summary}
        onValue={(summary) => onChange({ ...fields, summary })}
      />
      <TextField
        name="tags"
        label="Tags"
        hint="Separated by commas, e.g. ukraine, diplomacy"
        value={fields.tags}
        onValue={(tags) => onChange({ ...fields, tags })}
      />
    </div>
  );
}

export function NewStorylineForm(props: {
  onRecorded: (result: CommandResult, storyline: StorylineFields) => void;
  onClose: () => void;
}) {
  const [fields, setFields] = useState({ title: '', summary: '', tags: '' });
  const body = (): StorylineFields => ({
    title: fields.title.trim(),
    summary: fields.summary.trim(),
    tags: tagsOf(fields.tags),
  });
  return (
    <FormPanel
      id="new-storyline"
      title="New storyline"
      submitLabel="Open storyline"
      refusal={REFUSAL}
      send={(options) => openStoryline(body(), options)}
      onRecorded={(result) => props.onRecorded(result, body())}
      onClose={props.onClose}
    >
      <Fields fields={fields} onChange={setFields} />
    </FormPanel>
  );
}

type Typed = { title: string; summary: string; tags: string };

const typedOf = (storyline: Storyline): Typed => ({
  title: storyline.title,
  summary: storyline.summary ?? '',
  tags: storyline.tags.join(', '),
});

/**
 * Sends only what the editor changed, If-Match the revision the form was opened at: a change made
 * meanwhile is never overwritten. After a 412, "reload" moves the form onto the latest revision:
 * the fields the editor did not touch take the new values, the ones they typed stay.
 */
export function EditStorylineForm(props: {
  storyline: Storyline;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { storyline } = props;
  const [opened, setOpened] = useState(storyline);
  const [fields, setFields] = useState(() => typedOf(storyline));
  const [rebasing, setRebasing] = useState(false);
  useEffect(() => {
    if (!rebasing || storyline.revision === opened.revision) return;
    const before = typedOf(opened);
    const after = typedOf(storyline);
    const untouched = (name: keyof Typed) => (fields[name] === before[name] ? after[name] : fields[name]);
    setFields({ title: untouched('title'), summary: untouched('summary'), tags: untouched('tags') });
    setOpened(storyline);
    setRebasing(false);
  }, [rebasing, storyline]);

  const changes = (): Partial<StorylineFields> => {
    const before = typedOf(opened);
    const changed: Partial<StorylineFields> = {};
    if (fields.title.trim() !== before.title) changed.title = fields.title.trim();
    if (fields.summary.trim() !== before.summary) changed.summary = fields.summary.trim();
    if (tagsOf(fields.tags).join('\u0000') !== opened.tags.join('\u0000')) changed.tags = tagsOf(fields.tags);
    return changed;
  };
  return (
    <FormPanel
      id="edit-storyline"
      title="Edit storyline"
      submitLabel="Save changes"
      refusal={REFUSAL}
      ifMatch={opened.revision}
      send={(options) => reviseStoryline(storyline.id, changes(), options)}
      onRecorded={props.onRecorded}
      onClose={props.onClose}
      onReload={() => {
        setRebasing(true);
        props.onReload();
      }}
    >
      <Fields fields={fields} onChange={setFields} />
    </FormPanel>
  );
}
