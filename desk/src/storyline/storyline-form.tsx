import { useState } from 'preact/hooks';
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

/** Sends only what changed, If-Match the revision shown: a change made meanwhile is never overwritten. */
export function EditStorylineForm(props: {
  storyline: Storyline;
  onRecorded: (result: CommandResult) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { storyline } = props;
  const [fields, setFields] = useState({
    title: storyline.title,
    summary: storyline.summary ?? '',
    tags: storyline.tags.join(', '),
  });
  const changes = (): Partial<StorylineFields> => {
    const changed: Partial<StorylineFields> = {};
    if (fields.title.trim() !== storyline.title) changed.title = fields.title.trim();
    if (fields.summary.trim() !== (storyline.summary ?? '')) changed.summary = fields.summary.trim();
    const tags = tagsOf(fields.tags);
    if (tags.join('\u0000') !== storyline.tags.join('\u0000')) changed.tags = tags;
    return changed;
  };
  return (
    <FormPanel
      id="edit-storyline"
      title="Edit storyline"
      submitLabel="Save changes"
      refusal={REFUSAL}
      ifMatch={storyline.revision}
      send={(options) => reviseStoryline(storyline.id, changes(), options)}
      onRecorded={props.onRecorded}
      onClose={props.onClose}
      onReload={props.onReload}
    >
      <Fields fields={fields} onChange={setFields} />
    </FormPanel>
  );
}
