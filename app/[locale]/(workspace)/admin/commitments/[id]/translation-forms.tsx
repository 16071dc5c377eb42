import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { translationHistory } from '@/db/queries/commitment-translations';
import { ADMIN_LIMITS } from '@/lib/admin-input';
import { languageName } from '@/lib/commitment-translations';
import { textDirection } from '@/lib/i18n/locales';
import { SOURCE_REPORT_LANGUAGE, TRANSLATION_LOCALES } from '@/lib/source-language';
import { AdminForm } from '../../_components/admin-form';
import { saveTranslationAction } from '../actions';

type Query = Record<string, string | string[] | undefined>;

/**
 * A form per language for a commitment's translation (docs/design.md#translations): its title and
 * text, written in that language (`lang`, and `dir` for Arabic), with the current version and the
 * earlier ones below. The verbatim original above is never edited here.
 */
export async function TranslationForms({
  commitmentId,
  query,
}: {
  commitmentId: number;
  query: Query;
}) {
  const [locale, t, format] = await Promise.all([
    getLocale(),
    getTranslations('admin.commitments.translations'),
    getFormatter(),
  ]);
  const history = translationHistory(commitmentId);
  const date = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  // Only a language of the list is ever named back from the URL.
  const saved = TRANSLATION_LOCALES.find((language) => language === query.translated);
  return (
    <section aria-labelledby="translations">
      <h2 id="translations">{t('title')}</h2>
      {saved ? (
        <p className="notice" role="status">
          {t('saved', { language: languageName(saved, locale) })}
        </p>
      ) : null}
      <p>{t('intro', { language: languageName(SOURCE_REPORT_LANGUAGE, locale) })}</p>
      {TRANSLATION_LOCALES.map((language) => {
        const name = languageName(language, locale);
        const [current, ...earlier] = history.filter((version) => version.locale === language);
        const written = { lang: language, dir: textDirection(language) } as const;
        return (
          <section key={language} aria-labelledby={`translation-${language}`}>
            <h3 id={`translation-${language}`}>{name}</h3>
            <p className="meta">
              {current
                ? t('current', {
                    version: current.version,
                    date: date(current.addedAt),
                    name: current.addedBy,
                  })
                : t('none')}
            </p>
            <AdminForm
              idPrefix={`translation-${language}`}
              action={saveTranslationAction.bind(null, commitmentId, language)}
              fields={[
                {
                  kind: 'text',
                  name: 'title',
                  label: t('fieldTitle', { language: name }),
                  maxLength: ADMIN_LIMITS.title,
                  ...written,
                },
                {
                  kind: 'text',
                  name: 'text',
                  label: t('fieldText', { language: name }),
                  maxLength: ADMIN_LIMITS.text,
                  rows: 5,
                  ...written,
                },
              ]}
              values={{ title: current?.title ?? '', text: current?.text ?? '' }}
              submitLabel={t('save', { language: name })}
            />
            {earlier.length > 0 ? (
              <details>
                <summary>{t('history')}</summary>
                <ul>
                  {earlier.map((version) => (
                    <li key={version.version}>
                      <p className="meta">
                        {t('current', {
                          version: version.version,
                          date: date(version.addedAt),
                          name: version.addedBy,
                        })}
                      </p>
                      <div {...written}>
                        <p>{version.title}</p>
                        <p>{version.text}</p>
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
