import { Link } from '@/lib/i18n/navigation';
import { getTranslations } from 'next-intl/server';
import type { CurrentUser } from '@/db/current-user';
import type { CappedCount } from '@/db/queries/capped-count';
import { signOut } from '@/app/_lib/session-actions';
import './account.css';

/**
 * Who is signed in and for which actor, their links, and a sign-out button (a POST, never a link).
 * A focal point's review link says how many entries wait, in digits and in words for screen
 * readers (`waiting`: null for anyone but a focal point; past its cap, "more than").
 */
export async function AccountMenu({
  user,
  waiting,
}: {
  user: CurrentUser | null;
  waiting: CappedCount | null;
}) {
  const [t, tHome] = await Promise.all([getTranslations('auth'), getTranslations('home.menu')]);
  if (!user) {
    return (
      <div className="account-menu">
        <Link href="/sign-in">{t('menu.signIn')}</Link>
      </div>
    );
  }
  const review = { label: t('menu.review'), count: waiting?.total ?? 0 };
  const more = waiting?.totalIsLowerBound;
  return (
    <section className="account-menu" aria-label={t('menu.label')}>
      <p className="account-who">
        <span>{t('menu.signedInAs', { name: user.name })}</span>
        <small>
          {user.actorName ? t('menu.ofActor', { actor: user.actorName }) : t('roles.admin')}
        </small>
      </p>
      <ul>
        <li>
          <Link href="/home">{tHome('home')}</Link>
        </li>
        {user.actorId !== null ? (
          <>
            <li>
              <Link href="/entries/new">{t('menu.logProgress')}</Link>
            </li>
            <li>
              <Link href="/entries/mine">{t('menu.myEntries')}</Link>
            </li>
          </>
        ) : null}
        {user.role === 'focal_point' ? (
          <li>
            {/* "Review queue (3)" on screen; "Review queue, 3 entries wait for review" to a screen reader, the visible words first. */}
            <Link
              href="/entries/review"
              aria-label={tHome(more ? 'reviewWaitingMore' : 'reviewWaiting', review)}
            >
              {tHome(more ? 'reviewCountMore' : 'reviewCount', review)}
            </Link>
          </li>
        ) : null}
        {user.role === 'focal_point' || user.role === 'admin' ? (
          <li>
            <Link href="/entries/import">{t('menu.importEntries')}</Link>
          </li>
        ) : null}
        {user.role === 'admin' ? (
          <li>
            <Link href="/admin/audit">{t('menu.audit')}</Link>
          </li>
        ) : null}
        <li>
          <Link href="/account">{t('menu.account')}</Link>
        </li>
        {user.role === 'admin' ? (
          <>
            <li>
              <Link href="/admin/users">{t('menu.users')}</Link>
            </li>
            <li>
              <Link href="/admin/actors">{t('menu.actors')}</Link>
            </li>
            <li>
              <Link href="/admin/commitments">{t('menu.commitments')}</Link>
            </li>
            <li>
              <Link href="/admin/sources">{t('menu.sources')}</Link>
            </li>
            <li>
              <Link href="/admin/rounds">{t('menu.rounds')}</Link>
            </li>
          </>
        ) : null}
        <li>
          <form action={signOut}>
            <button type="submit" className="link-button">
              {t('menu.signOut')}
            </button>
          </form>
        </li>
      </ul>
    </section>
  );
}
