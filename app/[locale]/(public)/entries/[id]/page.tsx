import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getEntryPage, type CurrentEntryDto } from '@/db/queries/public-entry';
import { EntryDetail } from '@/app/_components/entry-detail';
import { currentUser } from '@/app/_lib/guard';
import { actorNamer } from '@/app/_lib/localized-names';
import { PARAMETERS } from '@/lib/query-params';
import { dateOnly } from '@/lib/dates';

type Params = Promise<{ id: string }>;

/** The entry behind `/entries/{id}` for this visitor, or null: a bad id is "not found" like a missing one. */
async function entryFromParams(params: Params) {
  const id = PARAMETERS.subject.safeParse((await params).id);
  return id.success ? getEntryPage(id.data, await currentUser()) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = await entryFromParams(params);
  if (!page) return { title: (await getTranslations('common'))('notFoundTitle') };
  return {
    title: (await getTranslations('entryPage'))('title', {
      code: page.entry.commitment.code,
      summary: page.entry.summary,
    }),
  };
}

/**
 * One entry's own page: everything public about it, what it corrects or is corrected by, and the
 * pair's current entries. An entry that is not published is shown, marked, only to its reporting
 * actor's members and the secretariat; to anyone else it does not exist.
 */
export default async function EntryPage({ params }: { params: Params }) {
  const page = await entryFromParams(params);
  if (!page) notFound();
  const { entry, published, pair } = page;
  const [t, format, viewer, name] = await Promise.all([
    getTranslations('entryPage'),
    getFormatter(),
    currentUser(),
    actorNamer(),
  ]);
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' });
  const { commitment } = entry;
  return (
    <>
      <p>
        <Link href={`/commitments/${commitment.code}`}>
          <span className="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('back', { code: commitment.code, title: commitment.title })}
        </Link>
      </p>
      {published ? null : (
        <div className="notice not-published">
          <p>
            <strong>{t('notPublishedTitle')}</strong>{' '}
            {t(`notPublished.${entry.state as 'draft' | 'submitted' | 'returned'}`, {
              actor: name(entry.reporter.name),
            })}
          </p>
        </div>
      )}
      {entry.withdrawal ? (
        <div className="notice withdrawn-notice">
          <p>
            <strong>{t('withdrawnTitle', { date: day(entry.withdrawal.at.slice(0, 10)) })}</strong>{' '}
            {t('withdrawnBody')}
          </p>
          <p className="user-text" dir="auto">
            {entry.withdrawal.reason}
          </p>
        </div>
      ) : null}
      {entry.supersededById !== null ? (
        <div className="notice superseded-notice">
          <p>
            <strong>{t('supersededTitle')}</strong>{' '}
            {t.rich('supersededBody', {
              id: entry.supersededById,
              link: (chunks) => <Link href={`/entries/${entry.supersededById}`}>{chunks}</Link>,
            })}
          </p>
        </div>
      ) : null}
      <h1>
        <span className="code">{commitment.code}</span> <span dir="auto">{entry.summary}</span>
      </h1>
      <p className="meta">
        {t.rich('byline', {
          id: entry.id,
          subjectName: name(entry.subject.name),
          reporterName: name(entry.reporter.name),
          subject: (chunks) => <Link href={`/actors/${entry.subject.id}`}>{chunks}</Link>,
          reporter: (chunks) => <Link href={`/actors/${entry.reporter.id}`}>{chunks}</Link>,
        })}
      </p>
      <EntryDetail entry={entry} showWorkflow={!published} />
      <section aria-labelledby="pair-title">
        <h2 id="pair-title">{t('pairTitle')}</h2>
        <p className="meta">
          {t('pairIntro', { subject: name(entry.subject.name), code: commitment.code })}
        </p>
        <dl className="facts">
          {(['self', 'independent'] as const).map((perspective) => [
            <dt key={`${perspective}-term`}>{t(`current.${perspective}`)}</dt>,
            <dd key={`${perspective}-entry`}>
              <CurrentEntry current={pair[perspective]} entryId={entry.id} />
            </dd>,
          ])}
        </dl>
      </section>
      {viewer?.role === 'admin' && published && !entry.withdrawal ? (
        <p>
          <Link href={`/admin/entries/${entry.id}/withdraw`}>{t('withdraw')}</Link>
        </p>
      ) : null}
    </>
  );
}

/** A link to the entry a perspective counts now, described in words; this entry itself is named, not linked. */
async function CurrentEntry({
  current,
  entryId,
}: {
  current: CurrentEntryDto | null;
  entryId: number;
}) {
  const [t, tStatus, format, name] = await Promise.all([
    getTranslations('entryPage'),
    getTranslations('status'),
    getFormatter(),
    actorNamer(),
  ]);
  if (!current) return <>{t('noneCurrent')}</>;
  const text = t('currentLink', {
    status: tStatus(current.status),
    date: format.dateTime(dateOnly(current.asOf), { dateStyle: 'medium' }),
    reporter: name(current.reporterName),
  });
  if (current.entryId === entryId)
    return (
      <>
        {t('thisEntry')}: {text}
      </>
    );
  return <Link href={`/entries/${current.entryId}`}>{text}</Link>;
}
