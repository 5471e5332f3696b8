import { useEffect, useRef } from 'preact/hooks';
import { Storyline } from '../api/types';
import { SelectField, TextArea, TextField } from '../forms/fields';
import { FieldScope } from '../forms/form-panel';
import { ErrorNotice } from '../ui/feedback';

export interface ArticleFields {
  storylineId: string;
  text: string;
  language: string;
  url: string;
  title: string;
  published: string;
}

export const NO_ARTICLE: ArticleFields = { storylineId: '', text: '', language: '', url: '', title: '', published: '' };

const LANGUAGES = [
  { value: '', label: 'Detect it' },
  { value: 'de', label: 'German' },
  { value: 'en', label: 'English' },
];

/** The languages proposals can be read in, for the note that a text is in none of them. */
export const READ_LANGUAGES = LANGUAGES.filter((language) => language.value)
  .map((language) => language.label)
  .join(', ');

/** The article pasted with where it comes from; proposals are asked for, nothing is recorded yet. */
export function ArticleForm(props: {
  storylines: Storyline[];
  value: ArticleFields;
  onChange: (value: ArticleFields) => void;
  onPropose: () => void;
  proposing: boolean;
  error?: unknown;
}) {
  const { value, onChange } = props;
  const form = useRef<HTMLFormElement>(null);
  const field = (name: keyof ArticleFields) => ({
    value: value[name],
    onValue: (typed: string) => onChange({ ...value, [name]: typed }),
  });
  useEffect(() => {
    if (props.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.error]);
  return (
    <section class="form-panel" aria-labelledby="capture-form-heading">
      <h2 id="capture-form-heading">Paste the article</h2>
      <form
        ref={form}
        aria-labelledby="capture-form-heading"
        onSubmit={(event) => (event.preventDefault(), props.onPropose())}
      >
        <FieldScope id="capture" error={props.error}>
          <SelectField
            name="storylineId"
            label="Storyline"
            required
            hint="The claims are recorded in it; claims it already holds are shown as such."
            options={[
              { value: '', label: 'Choose a storyline…' },
              ...props.storylines.map((storyline) => ({ value: storyline.id, label: storyline.title })),
            ]}
            {...field('storylineId')}
          />
          <TextArea
            name="text"
            label="Text"
            required
            rows={10}
            maxLength={100_000}
            hint="The article's text as published, up to 100,000 characters."
            {...field('text')}
          />
          <div class="form-grid">
            <SelectField name="language" label="Language" options={LANGUAGES} {...field('language')} />
            <TextField name="source.url" label="Article URL" type="url" required maxLength={2000} {...field('url')} />
            <TextField name="source.title" label="Article title" maxLength={500} {...field('title')} />
            <TextField name="source.publishedAt" label="Published" type="datetime-local" {...field('published')} />
          </div>
          <p class="hint">
            Each claim recorded cites the article: its URL, title and publication, and the proposal's exact words as the
            quote. It is recorded as having occurred when the article was published (now, without a date).
          </p>
        </FieldScope>
        {props.error !== undefined && <ErrorNotice error={props.error} what="proposals for this article" />}
        <div class="actions">
          <button type="submit" class="primary" disabled={props.proposing}>
            {props.proposing ? 'Reading the article…' : 'Propose claims'}
          </button>
        </div>
      </form>
    </section>
  );
}
