import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';
import { publishAction } from '../../actions';
import { ActionNotice } from '../../notice';
import { loadReview } from '../review/load';
import { PairOutcome } from '../review/pair-outcome';
import '@/app/_components/entry-detail.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entryReview'))('confirmTitle') };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The confirmation before publishing, for a reviewed entry and a focal point's own alike: it says
 * that publishing is permanent, what becomes public and what changes, and its form is the only
 * one publishAction accepts (a `confirmed` field and the version of the entry shown here).
 */
export default async function PublishEntryPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { review } = await loadReview((await params).id, 'publish');
  const { entry } = review;
  const [t, format, name] = await Promise.all([getTranslations(), getFormatter(), actorNamer()]);
  if (!review.mayPublish) notFound();
  // A submitted entry was reached from its review; a focal point's own draft from My entries.
  const reviewed = entry.state === 'submitted';
  return (
    <>
      <h1>{t('entryReview.confirmTitle')}</h1>
      <ActionNotice query={await searchParams} />
      <div className="permanent-warning">
        <p>
          <strong>{t('entryReview.permanent')}</strong>
        </p>
        <p>{t('entryReview.permanentDetail')}</p>
      </div>

      <section className="review-section" aria-labelledby="publish-public">
        <h2 id="publish-public">{t('entryReview.becomesPublic')}</h2>
        <p>{t('entryReview.becomesPublicIntro')}</p>
        <dl className="facts entry-detail">
          <dt>{t('entryDetail.commitment')}</dt>
          <dd>
            <span className="code">{entry.commitment.code}</span> {entry.commitment.title}
          </dd>
          <dt>{t('entryDetail.about')}</dt>
          <dd>
            {entry.perspective === 'self'
              ? t('entry.selfReport', { reporter: name(entry.reporter.name) })
              : t('entry.assessment', {
                  subject: name(entry.subject.name),
                  reporter: name(entry.reporter.name),
                })}
          </dd>
          <dt>{t('entryDetail.status')}</dt>
          <dd>
            <StatusBadge status={entry.status} />
          </dd>
          <dt>{t('entryDetail.asOf')}</dt>
          <dd>{format.dateTime(dateOnly(entry.asOf), { dateStyle: 'long' })}</dd>
          <dt>{t('entryDetail.summary')}</dt>
          <dd>
            <p className="user-text entry-detail-text" dir="auto">
              <strong>{entry.summary}</strong>
            </p>
          </dd>
          <dt>{t('entryDetail.evidence')}</dt>
          <dd>{t('entryReview.evidenceCount', { count: entry.evidence.length })}</dd>
          <dt>{t('entryDetail.adverseEffects')}</dt>
          <dd>
            {entry.adverseEffects ? (
              <span className="flag warning">⚠ {t('entryReview.adverseYes')}</span>
            ) : (
              t('entryReview.adverseNo')
            )}
          </dd>
        </dl>
        {entry.supersedesId !== null ? (
          <p>{t('entryReview.supersedes', { id: entry.supersedesId })}</p>
        ) : null}
        {reviewed ? null : (
          <p>
            <Link href={`/entries/${entry.id}/review`}>{t('entryReview.seeWhole')}</Link>
          </p>
        )}
      </section>

      <section className="review-section" aria-labelledby="publish-pair">
        <h2 id="publish-pair">{t('entryReview.pairTitle')}</h2>
        <PairOutcome entry={entry} pair={review.pair} headingId="publish-pair" />
      </section>

      <form action={publishAction.bind(null, entry.id)} className="review-section">
        <input type="hidden" name="confirmed" value="permanent" />
        <input type="hidden" name="version" value={entry.updatedAt} />
        <div className="actions">
          <button className="button" type="submit">
            {t('entryReview.confirm')}
          </button>
          <Link
            className="button secondary"
            href={reviewed ? `/entries/${entry.id}/review` : '/entries/mine'}
          >
            {t(reviewed ? 'entryReview.backToReview' : 'entryReview.backToMine')}
          </Link>
        </div>
      </form>
    </>
  );
}
