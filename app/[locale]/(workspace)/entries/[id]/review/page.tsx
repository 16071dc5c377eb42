import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { EntryDetail } from '@/app/_components/entry-detail';
import { returnAction } from '../../actions';
import { ActionNotice } from '../../notice';
import { loadReview } from './load';
import { PairOutcome } from './pair-outcome';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entryReview'))('title') };
}

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The whole entry before it is published: every field, the commitment's own words, who wrote it
 * and when, what a correction changes, and what publishing does to the pair's status. Publishing
 * is a separate, confirmed step (../publish); returning with a note happens here.
 */
export default async function ReviewEntryPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { user, review } = await loadReview((await params).id, 'review');
  const { entry, supersedes, changed } = review;
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const moment = (value: string) =>
    t('entryDetail.dateTime', {
      date: format.dateTime(new Date(value), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    });
  const fromQueue = entry.state === 'submitted' && entry.author.id !== user.id;
  return (
    <>
      <p>
        <Link href={fromQueue ? '/entries/review' : '/entries/mine'}>
          <span className="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t(fromQueue ? 'entryReview.backToQueue' : 'entryReview.backToMine')}
        </Link>
      </p>
      <h1>{t('entryReview.title')}</h1>
      <ActionNotice query={await searchParams} />
      <p className="lead">
        {entry.submittedAt && entry.state === 'submitted'
          ? t('entryReview.introSubmitted', {
              author: entry.author.name,
              date: moment(entry.submittedAt),
            })
          : t('entryReview.introOwn')}
      </p>

      <section className="review-section" aria-labelledby="review-entry">
        <h2 id="review-entry">{t('entryDetail.label')}</h2>
        <EntryDetail entry={entry} changed={changed} />
      </section>

      {supersedes ? (
        <section className="review-section" aria-labelledby="review-correction">
          <h2 id="review-correction">{t('entryReview.correctionTitle')}</h2>
          <p>
            {t('entryReview.correctionIntro', {
              id: supersedes.id,
              date: supersedes.publishedAt ? moment(supersedes.publishedAt) : '—',
            })}
          </p>
          <p>
            <strong>
              {changed.length > 0
                ? t('entryReview.changedFields', {
                    fields: changed.map((field) => t(`entryDetail.${field}`)).join(', '),
                  })
                : t('entryReview.noChangedFields')}
            </strong>
          </p>
          <h3>{t('entryReview.originalTitle')}</h3>
          <EntryDetail entry={supersedes} changed={changed} showCommitment={false} />
        </section>
      ) : null}

      <section className="review-section" aria-labelledby="review-pair">
        <h2 id="review-pair">{t('entryReview.pairTitle')}</h2>
        <PairOutcome entry={entry} pair={review.pair} headingId="review-pair" />
      </section>

      {review.mayPublish ? (
        <section className="review-section" aria-labelledby="review-publish">
          <h2 id="review-publish">{t('entryReview.publishTitle')}</h2>
          <p>{t('entryReview.publishHint')}</p>
          <p>
            <Link className="button" href={`/entries/${entry.id}/publish`}>
              {t('entryReview.publish')}
            </Link>
          </p>
        </section>
      ) : null}

      {review.mayReturn ? (
        <section className="review-section" aria-labelledby="review-return">
          <h2 id="review-return">{t('entryReview.returnTitle')}</h2>
          <form action={returnAction.bind(null, entry.id)} className="return-form">
            <label htmlFor="return-note">{t('workflow.returnNoteLabel')}</label>
            <textarea
              id="return-note"
              name="note"
              rows={3}
              required
              maxLength={2000}
              aria-describedby="return-hint"
              dir="auto"
            />
            <p id="return-hint" className="meta">
              {t('entryReview.returnHint')}
            </p>
            <div>
              <button className="button secondary" type="submit">
                {t('workflow.return')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
