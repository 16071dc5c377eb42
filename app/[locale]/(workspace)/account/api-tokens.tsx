import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listApiTokens } from '@/db/queries/api-tokens';
import { revokeApiTokenAction } from './token-actions';
import { TokenForm } from './token-form';

/** The user's API tokens: create (shown once), list, revoke. */
export async function ApiTokens({
  userId,
  revokedId,
  error,
}: {
  userId: string;
  revokedId?: number;
  error?: 'notFound';
}) {
  const [t, format] = await Promise.all([getTranslations('api.tokens'), getFormatter()]);
  const tokens = listApiTokens(userId);
  const revoked =
    revokedId === undefined
      ? undefined
      : tokens.find((token) => token.id === revokedId && token.revokedAt !== null);
  const when = (value: string) =>
    format.dateTime(new Date(value), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="api-tokens">
      <h2 id="api-tokens">{t('title')}</h2>
      <p>
        {t('intro')} <Link href="/api-docs">{t('docsLink')}</Link>
      </p>
      {revoked ? (
        <p className="notice" role="status">
          {t('revokedNotice', { name: revoked.name })}
        </p>
      ) : null}
      {error ? (
        <p className="alert" role="alert">
          {t('notFound')}
        </p>
      ) : null}
      <TokenForm />
      {tokens.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{t('listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('prefix')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{when(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('never')}</td>
                  <td>
                    {token.revokedAt ? t('revoked', { date: when(token.revokedAt) }) : t('active')}
                  </td>
                  <td>
                    {token.revokedAt ? null : (
                      <form action={revokeApiTokenAction}>
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button
                          type="submit"
                          className="button danger"
                          aria-label={t('revokeLabel', { name: token.name })}
                        >
                          {t('revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
