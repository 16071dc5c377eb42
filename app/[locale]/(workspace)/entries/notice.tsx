import { getTranslations } from 'next-intl/server';
import { knownCode, REFUSAL_CODES } from '@/lib/notice-codes';

const DONE = ['saved', 'submitted', 'published', 'returned'] as const;

/**
 * The outcome of the last action, carried in the URL so it survives the redirect: a fixed code
 * shown as the catalogue's message. Text in the URL is never shown, and an unknown code shows
 * nothing, so no link can put words in the site's mouth.
 */
export async function ActionNotice({
  query,
}: {
  query: Record<string, string | string[] | undefined>;
}) {
  const t = await getTranslations();
  const refused = knownCode(REFUSAL_CODES, query.error);
  if (refused) {
    return (
      <div className="alert" role="alert">
        <p>{t(`entryNotice.refused.${refused}`)}</p>
      </div>
    );
  }
  const done = DONE.find((key) => typeof query[key] === 'string');
  return done ? (
    <p className="notice" role="status">
      {t(`workflow.done.${done}`)}
    </p>
  ) : null;
}
