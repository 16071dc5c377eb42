import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listFollows } from '@/db/queries/follows';
import { FollowButton } from '@/app/_components/follow-button';

/** What the user follows (their weekly digest), each with its page and an unfollow button. */
export async function Follows({ userId }: { userId: string }) {
  const [t, format] = await Promise.all([getTranslations('follow'), getFormatter()]);
  const follows = listFollows(userId);
  return (
    <section aria-labelledby="follows">
      <h2 id="follows">{t('accountTitle')}</h2>
      <p>{t('accountIntro')}</p>
      {follows.length === 0 ? (
        <p>{t('accountEmpty')}</p>
      ) : (
        <ul className="card-list">
          {follows.map((follow) => {
            const name = follow.code ? `${follow.code} ${follow.label}` : follow.label;
            const href =
              follow.targetKind === 'commitment'
                ? `/commitments/${encodeURIComponent(follow.code ?? '')}`
                : `/actors/${follow.targetId}`;
            return (
              <li key={follow.id} className="card">
                <p>
                  {t(`kind.${follow.targetKind}`)}: <Link href={href}>{name}</Link>{' '}
                  <span className="meta">
                    {t('since', {
                      date: format.dateTime(new Date(follow.startedAt), {
                        dateStyle: 'medium',
                        timeZone: 'UTC',
                      }),
                    })}
                  </span>
                </p>
                <FollowButton
                  kind={follow.targetKind}
                  id={follow.targetId}
                  name={name}
                  returnTo="/account"
                  compact
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
