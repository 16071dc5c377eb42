import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { pageOwnWork, previewReviewQueue } from '@/db/queries/workspace-home';
import type { CurrentUser } from '@/db/current-user';
import { requireUser } from '@/app/_lib/guard';
import { WorkList } from './work-list';
import { WhatsDue } from './whats-due';
import { actorNamer } from '@/app/_lib/localized-names';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

/**
 * Where a signed-in user starts: what waits for them. A focal point sees its actor's review queue
 * first, then, like a contributor, what came back to them, their drafts and what they submitted;
 * an admin, the screens they run the workspace from. Every role has a home, so signing in always
 * lands somewhere.
 */
export default async function HomePage() {
  const user = await requireUser('/home');
  const t = await getTranslations('home');
  const name = await actorNamer();
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">
        {user.actorName
          ? t('intro', { name: user.name, actor: name(user.actorName) })
          : t('adminIntro', { name: user.name })}
      </p>
      {user.role === 'admin' ? <AdminHome /> : <MemberHome user={user} />}
    </>
  );
}

/** The user's own entries not yet published, by state: what came back first, then drafts, then what waits on someone else. */
const OWN_WORK = [
  { state: 'returned', key: 'returned', next: 'edit' },
  { state: 'draft', key: 'drafts', next: 'edit' },
  { state: 'submitted', key: 'submitted', next: 'open' },
] as const;

/** How many entries of each list the home page previews: the full lists are paged screens. */
const PREVIEW = 5;

async function MemberHome({ user }: { user: CurrentUser }) {
  const t = await getTranslations('home');
  const tMenu = await getTranslations('auth.menu');
  const queue = user.role === 'focal_point' ? previewReviewQueue(user, PREVIEW) : null;
  const actorName = user.actorName ? (await actorNamer())(user.actorName) : '';
  return (
    <>
      <p className="actions">
        <Link className="button" href="/entries/new">
          {tMenu('logProgress')}
        </Link>
        <Link className="button secondary" href="/entries/mine">
          {tMenu('myEntries')}
        </Link>
        {user.role === 'focal_point' ? (
          <Link className="button secondary" href="/entries/import">
            {tMenu('importEntries')}
          </Link>
        ) : null}
      </p>
      {user.actorId !== null ? <WhatsDue actorId={user.actorId} actorName={actorName} /> : null}
      {queue ? (
        <WorkList
          id="to-review"
          title={t('toReview')}
          intro={t('toReviewIntro', { actor: actorName })}
          empty={t('toReviewEmpty')}
          list={queue}
          action={(entry) => ({ href: `/entries/${entry.id}/review`, label: t('review') })}
          more={<Link href="/entries/review">{t('openQueue')}</Link>}
        />
      ) : null}
      {OWN_WORK.map(({ state, key, next }) => (
        <WorkList
          key={key}
          id={key}
          title={t(key)}
          intro={t(`${key}Intro`)}
          empty={t(`${key}Empty`)}
          list={pageOwnWork(user.id, [state], 1, PREVIEW)}
          more={<Link href="/entries/mine">{t('openMine')}</Link>}
          action={(entry) =>
            next === 'edit'
              ? { href: `/entries/${entry.id}/edit`, label: t('edit') }
              : { href: `/entries/${entry.id}`, label: t('open') }
          }
        />
      ))}
    </>
  );
}

/** The secretariat's screens: the workspace's contents, its people and its record. */
async function AdminHome() {
  const t = await getTranslations('home');
  const tMenu = await getTranslations('auth.menu');
  const tMail = await getTranslations('mail.outbox');
  const links = [
    { href: '/admin/users', label: tMenu('users'), about: t('admin.users') },
    { href: '/admin/actors', label: tMenu('actors'), about: t('admin.actors') },
    { href: '/admin/commitments', label: tMenu('commitments'), about: t('admin.commitments') },
    { href: '/admin/sources', label: tMenu('sources'), about: t('admin.sources') },
    { href: '/admin/rounds', label: tMenu('rounds'), about: t('admin.rounds') },
    { href: '/entries/import', label: tMenu('importEntries'), about: t('admin.import') },
    { href: '/admin/audit', label: tMenu('audit'), about: t('admin.audit') },
    { href: '/admin/outbox', label: tMail('title'), about: tMail('about') },
    { href: '/changes', label: t('admin.changesLink'), about: t('admin.changes') },
  ];
  return (
    <section aria-labelledby="admin-title">
      <h2 id="admin-title">{t('admin.title')}</h2>
      <dl className="facts">
        {links.map((link) => [
          <dt key={`${link.href}-term`}>
            <Link href={link.href}>{link.label}</Link>
          </dt>,
          <dd key={`${link.href}-about`}>{link.about}</dd>,
        ])}
      </dl>
    </section>
  );
}
