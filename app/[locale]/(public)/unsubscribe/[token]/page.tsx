import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { unsubscribeTarget } from '@/db/queries/outbox-settings';
import { isMailKind } from '@/lib/mail';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('mail'))('unsubscribe.title'), robots: 'noindex' };
}

type Params = Promise<{ token: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Where an e-mail's unsubscribe link leads, without signing in: a confirm button, since mail
 * scanners open links on their own (a GET changes nothing); the POST goes to /api/unsubscribe.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const t = await getTranslations('mail');
  const locale = await getLocale();
  const { token } = await params;
  const { kind, done } = await searchParams;
  const target = unsubscribeTarget(token);
  if (!target || !isMailKind(kind))
    return (
      <>
        <h1>{t('unsubscribe.title')}</h1>
        <p>{t('unsubscribe.invalid')}</p>
        <p>
          <Link href="/account#email">{t('unsubscribe.account')}</Link>
        </p>
      </>
    );
  const values = { kind: t(`kinds.${kind}`), email: target.email };
  return (
    <>
      <h1>{t('unsubscribe.title')}</h1>
      {done === '1' && !target.choices[kind] ? (
        <p className="notice" role="status">
          {t('unsubscribe.done', values)}
        </p>
      ) : (
        <form method="post" action="/api/unsubscribe">
          <p>{t('unsubscribe.question', values)}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="button">
            {t('unsubscribe.confirm')}
          </button>
        </form>
      )}
      <p>
        <Link href="/account#email">{t('unsubscribe.account')}</Link>
      </p>
    </>
  );
}
