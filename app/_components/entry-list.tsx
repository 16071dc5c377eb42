import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import type { PublishedEntryDto } from '@/lib/api-schemas';
import { StatusBadge } from './status-badge';
import { dateOnly } from '@/lib/dates';

export async function EntryList({
  entries,
  headingLevel = 3,
  show = 'commitment',
  canWithdraw = false,
}: {
  entries: PublishedEntryDto[];
  /** The viewer is an admin: offer to withdraw each entry still on the record. */
  canWithdraw?: boolean;
  headingLevel?: 2 | 3;
  /** What the heading names: the commitment (on actor pages) or the subject (on commitment pages). */
  show?: 'commitment' | 'subject';
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const name = await actorNamer();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const day = (value: string) => format.dateTime(dateOnly(value), { dateStyle: 'long' });
  return (
    <ol className="card-list" aria-label={t('entry.list')}>
      {entries.map((entry) => (
        <li
          key={entry.id}
          className={`card entry${entry.withdrawal ? ' withdrawn' : ''}`}
          id={`entry-${entry.id}`}
        >
          <Heading>
            {show === 'commitment' ? (
              <Link href={`/commitments/${entry.commitment.code}`}>
                <span className="code">{entry.commitment.code}</span> {entry.commitment.title}
              </Link>
            ) : (
              <Link href={`/actors/${entry.subject.id}`}>{name(entry.subject.name)}</Link>
            )}
          </Heading>
          <p className="meta">
            <StatusBadge status={entry.status} />{' '}
            <strong>{t('entry.asOf', { date: day(entry.asOf) })}</strong>
            {' · '}
            <span className="perspective">
              {entry.perspective === 'self'
                ? t('entry.selfReport', { reporter: name(entry.reporter.name) })
                : t('entry.assessment', {
                    subject: name(entry.subject.name),
                    reporter: name(entry.reporter.name),
                  })}
            </span>
            {entry.confidence
              ? ` · ${t('entry.confidence', { level: t(`confidence.${entry.confidence}`) })}`
              : null}
          </p>
          <ul className="entry-flags">
            {entry.withdrawal ? (
              <li className="flag warning">
                {t('entryPage.withdrawnOn', { date: day(entry.withdrawal.at) })}{' '}
                <span className="user-text" dir="auto">
                  {entry.withdrawal.reason}
                </span>
              </li>
            ) : null}
            {entry.supersededById ? (
              <li className="flag">
                <Link href={`/entries/${entry.supersededById}`}>{t('entry.superseded')}</Link>
              </li>
            ) : null}
            {entry.supersedesId ? (
              <li className="flag">
                <Link href={`/entries/${entry.supersedesId}`}>{t('entry.correction')}</Link>
              </li>
            ) : null}
            {entry.adverseEffects ? (
              <li className="flag warning">⚠ {t('entry.adverseEffects')}</li>
            ) : null}
          </ul>
          <p className="entry-summary">
            <strong>
              <Link href={`/entries/${entry.id}`} dir="auto">
                {entry.summary}
              </Link>
            </strong>
          </p>
          {entry.narrative ? (
            <p className="user-text" dir="auto">
              {entry.narrative}
            </p>
          ) : null}
          {entry.adverseEffects && entry.adverseEffectsDescription ? (
            <div>
              <strong>{t('entry.adverseEffects')}:</strong>
              <p className="user-text" dir="auto">
                {entry.adverseEffectsDescription}
              </p>
            </div>
          ) : null}
          {entry.measures.length > 0 ? (
            <p className="meta">
              {t('entry.measures')}:{' '}
              {format.list(
                entry.measures.map((measure) => t(`measure.${measure}`)),
                { type: 'conjunction', style: 'narrow' },
              )}
            </p>
          ) : null}
          {entry.evidence.length > 0 ? (
            <div className="meta">
              {t('entry.evidence')}:
              <ul>
                {entry.evidence.map((link) => (
                  <li key={link.url}>
                    <a href={link.url} rel="noopener noreferrer nofollow">
                      {link.title}
                    </a>{' '}
                    ({t(`relation.${link.relation}`)})
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="meta">
            {t('entry.published', {
              date: format.dateTime(new Date(entry.publishedAt), { dateStyle: 'medium' }),
            })}
            {canWithdraw && !entry.withdrawal ? (
              <>
                {' · '}
                <Link href={`/admin/entries/${entry.id}/withdraw`}>{t('entry.withdrawLink')}</Link>
              </>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
