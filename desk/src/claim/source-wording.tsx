import { Source } from '../api/types';
import { languageName, textLanguage } from '../format/language';
import { Icon } from '../status/icons';

/**
 * A source's own wording in its language, and apart from it, marked as such, the translation the
 * source gives; each with its `lang` (and direction), so neither is read out as the other.
 */
export function SourceWording(props: { source: Source; compact?: boolean }) {
  const { quote, quoteLanguage, translation, machineGenerated } = props.source;
  const original = textLanguage(quoteLanguage);
  const translated = translation ? textLanguage(translation.language) : undefined;
  return (
    <div class={`source-wording${props.compact ? ' compact' : ''}`}>
      {quote ? (
        <figure class="wording wording-original">
          <blockquote class="quote" lang={original.lang} dir={original.dir}>
            {quote}
          </blockquote>
          <figcaption>Original wording{quoteLanguage ? ` (${languageName(quoteLanguage)})` : ''}</figcaption>
        </figure>
      ) : (
        translation && (
          <p class="muted wording-missing">
            The original wording{quoteLanguage ? ` (${languageName(quoteLanguage)})` : ''} is not given, only a
            translation.
          </p>
        )
      )}
      {translation && translated && (
        <figure class="wording wording-translation">
          <blockquote class="quote" lang={translated.lang} dir={translated.dir}>
            {translation.text}
          </blockquote>
          <figcaption>
            <span class="badge badge-translation">Translation</span> into {languageName(translation.language)}, as the
            source renders it
          </figcaption>
        </figure>
      )}
      {machineGenerated && (
        <p class="note-machine">
          <Icon name="chip" /> The source says a machine (AI) generated it, wholly or in part.
        </p>
      )}
    </div>
  );
}
