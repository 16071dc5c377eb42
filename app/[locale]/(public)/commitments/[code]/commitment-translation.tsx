import { Fragment } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { languageSelfName, textDirection } from '@/lib/i18n/locales';
import { asLocale } from '@/lib/localized-labels';
import { languageName, translatedInto, translationIn } from '@/lib/commitment-translations';
import type { CommitmentDto } from '@/lib/api-schemas';
import './commitment-translation.css';

type Translated = Pick<CommitmentDto, 'code' | 'language' | 'translations'>;

/**
 * The visitor's language's translation of a commitment, under its verbatim original and labelled
 * as a translation with the date it was added, never in the original's place
 * (docs/design.md#translations); then the other languages it is translated into, each a link to
 * the page in that language.
 */
export async function CommitmentTranslation({ commitment }: { commitment: Translated }) {
  const [locale, t, format] = await Promise.all([
    getLocale(),
    getTranslations('commitments'),
    getFormatter(),
  ]);
  const translation = translationIn(commitment.translations, locale);
  const others = translatedInto(commitment.translations).filter((other) => other !== locale);
  return (
    <>
      {translation ? (
        <section className="commitment-translation" aria-labelledby="commitment-translation">
          <h2 id="commitment-translation">
            {t('translationLabel', {
              language: languageSelfName(asLocale(locale), 'text'),
              date: format.dateTime(new Date(translation.addedAt), {
                dateStyle: 'long',
                timeZone: 'UTC',
              }),
            })}
          </h2>
          <div lang={locale} dir={textDirection(locale)}>
            <p className="commitment-translation-title">{translation.title}</p>
            <p>{translation.text}</p>
          </div>
          <p className="meta">{t('translationNote')}</p>
        </section>
      ) : null}
      {others.length > 0 ? (
        <nav aria-label={t('translationsAvailable')}>
          <p className="meta">
            {t('translationsIntro')}{' '}
            {others.map((other, index) => (
              <Fragment key={other}>
                {index > 0 ? ', ' : null}
                <Link
                  href={`/commitments/${commitment.code}`}
                  locale={other}
                  lang={other}
                  hrefLang={other}
                  dir={textDirection(other)}
                >
                  {languageSelfName(other)}
                </Link>
              </Fragment>
            ))}
          </p>
        </nav>
      ) : null}
    </>
  );
}

/** "Original (English)" over the verbatim text, when a translation is shown beside it. */
export async function OriginalLabel({ commitment }: { commitment: Translated }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('commitments')]);
  if (!translationIn(commitment.translations, locale)) return null;
  return (
    <p className="meta">{t('original', { language: languageName(commitment.language, locale) })}</p>
  );
}
