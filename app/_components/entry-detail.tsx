import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import type { EntryDetailDto } from '@/db/queries/entry-detail';
import type { ComparedField } from '@/lib/entry-changes';
import { dateOnly } from '@/lib/dates';
import { SOURCE_REPORT_LANGUAGE } from '@/lib/source-language';
import { StatusBadge } from './status-badge';
import './entry-detail.css';

/**
 * Every field of one entry, in any state, as a list of terms: the commitment with the source's own
 * words, what was written (long text as the author typed it, in its own direction), and, with
 * `showWorkflow`, who wrote it and when it was submitted. `changed` marks, in words, the fields a
 * correction changes.
 */
export async function EntryDetail({
  entry,
  changed = [],
  showCommitment = true,
  showWorkflow = true,
}: {
  entry: EntryDetailDto;
  changed?: readonly ComparedField[];
  /** The commitment and its quote (left out where the page already shows them). */
  showCommitment?: boolean;
  /** Author, submission, return note and approval: for the workspace; a public page may leave them out. */
  showWorkflow?: boolean;
}) {
  const [t, format, name] = await Promise.all([getTranslations(), getFormatter(), actorNamer()]);
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' });
  const moment = (value: string) =>
    t('entryDetail.dateTime', {
      date: format.dateTime(new Date(value), {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    });
  const label = (field: ComparedField, text: string): ReactNode => (
    <dt>
      {text}
      {changed.includes(field) ? (
        <>
          {' '}
          <span className="tag changed-tag">{t('entryDetail.changed')}</span>
        </>
      ) : null}
    </dt>
  );
  const { commitment } = entry;
  return (
    <dl className="facts entry-detail">
      {showCommitment ? (
        <>
          <dt>{t('entryDetail.commitment')}</dt>
          <dd>
            <Link href={`/commitments/${commitment.code}`}>
              <span className="code">{commitment.code}</span>{' '}
              <span lang={SOURCE_REPORT_LANGUAGE}>{commitment.title}</span>
            </Link>
            {commitment.archived ? <span className="tag"> {t('entryDetail.archived')}</span> : null}
            <figure className="entry-detail-quote">
              <blockquote className="verbatim" aria-label={t('commitments.quoteLabel')}>
                <p lang={SOURCE_REPORT_LANGUAGE}>“{commitment.text}”</p>
              </blockquote>
              <figcaption className="meta">
                {t('commitments.citation', {
                  title: commitment.source.title,
                  count: commitment.paragraphCount,
                  paragraphs: commitment.paragraphs,
                })}
                {' · '}
                {commitment.source.author}, {commitment.source.place},{' '}
                {day(commitment.source.publishedOn)}
              </figcaption>
            </figure>
          </dd>
        </>
      ) : null}
      <dt>{t('entryDetail.about')}</dt>
      <dd>
        {entry.perspective === 'self'
          ? t('entry.selfReport', { reporter: name(entry.reporter.name) })
          : t('entry.assessment', {
              subject: name(entry.subject.name),
              reporter: name(entry.reporter.name),
            })}
      </dd>
      {label('status', t('entryDetail.status'))}
      <dd>
        <StatusBadge status={entry.status} />
      </dd>
      {label('asOf', t('entryDetail.asOf'))}
      <dd>{day(entry.asOf)}</dd>
      {label('summary', t('entryDetail.summary'))}
      <dd>
        <p className="user-text entry-detail-text" dir="auto">
          <strong>{entry.summary}</strong>
        </p>
      </dd>
      {label('narrative', t('entryDetail.narrative'))}
      <dd>
        {entry.narrative.trim() ? (
          <p className="user-text entry-detail-text" dir="auto">
            {entry.narrative}
          </p>
        ) : (
          t('entryDetail.noNarrative')
        )}
      </dd>
      {label('measures', t('entryDetail.measures'))}
      <dd>
        {entry.measures.length > 0 ? (
          <ul className="entry-detail-list">
            {entry.measures.map((measure) => (
              <li key={measure}>{t(`measure.${measure}`)}</li>
            ))}
          </ul>
        ) : (
          t('entryDetail.noMeasures')
        )}
      </dd>
      {label('evidence', t('entryDetail.evidence'))}
      <dd>
        {entry.evidence.length > 0 ? (
          <ol className="entry-detail-list">
            {entry.evidence.map((link, index) => (
              <li key={index}>
                <a href={link.url} rel="noopener noreferrer nofollow">
                  <span className="user-text" dir="auto">
                    {link.title}
                  </span>
                </a>{' '}
                ({t(`relation.${link.relation}`)})
                <br />
                <span className="meta entry-detail-url" dir="ltr">
                  {link.url}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          t('entryDetail.noEvidence')
        )}
      </dd>
      {label('adverseEffects', t('entryDetail.adverseEffects'))}
      <dd>
        {entry.adverseEffects ? (
          <>
            <span className="flag warning">⚠ {t('entryDetail.adverseReported')}</span>
            <p className="user-text entry-detail-text" dir="auto">
              {entry.adverseEffectsDescription}
            </p>
          </>
        ) : (
          t('entryDetail.noAdverseEffects')
        )}
      </dd>
      {label('confidence', t('entryDetail.confidence'))}
      <dd>
        {entry.perspective === 'self'
          ? t('entryDetail.confidenceNotAsked')
          : entry.confidence
            ? t(`confidence.${entry.confidence}`)
            : t('entryDetail.confidenceMissing')}
      </dd>
      {entry.supersedesId !== null ? (
        <>
          <dt>{t('entryDetail.correction')}</dt>
          <dd>
            <Link href={`/entries/${entry.supersedesId}`}>
              {t('entryDetail.correctionOf', { id: entry.supersedesId })}
            </Link>
          </dd>
        </>
      ) : null}
      {showWorkflow ? (
        <>
          <dt>{t('entryDetail.author')}</dt>
          <dd>{entry.author.name}</dd>
          <dt>{t('entryDetail.submitted')}</dt>
          <dd>{entry.submittedAt ? moment(entry.submittedAt) : t('entryDetail.notSubmitted')}</dd>
          {entry.state === 'returned' && entry.returnNote ? (
            <>
              <dt>{t('entryDetail.returnNote')}</dt>
              <dd>
                <p className="user-text entry-detail-text" dir="auto">
                  {entry.returnNote}
                </p>
              </dd>
            </>
          ) : null}
          {entry.approvedBy ? (
            <>
              <dt>{t('entryDetail.approvedBy')}</dt>
              <dd>{entry.approvedBy.name}</dd>
            </>
          ) : null}
        </>
      ) : null}
      {entry.publishedAt ? (
        <>
          <dt>{t('entryDetail.published')}</dt>
          <dd>{moment(entry.publishedAt)}</dd>
        </>
      ) : null}
      {entry.withdrawal ? (
        <>
          <dt>{t('entryDetail.withdrawn')}</dt>
          <dd>
            {day(entry.withdrawal.at.slice(0, 10))}:{' '}
            <span className="user-text" dir="auto">
              {entry.withdrawal.reason}
            </span>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
