import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { whatsDue } from '@/db/queries/whats-due';
import { CompletionMark } from '@/app/[locale]/(public)/rounds/completion-parts';
import { dateOnly } from '@/lib/dates';

/**
 * Commitments listed per round: a round of a few hundred commitments would fill the home page;
 * the rest are on the round's own page, which the list links to.
 */
const DUE_SHOWN = 20;

/**
 * "What's due": the open rounds that ask the user's actor, each with the commitments not yet
 * reported (in progress, not yet, overdue: a symbol and the word, never a colour alone) and a
 * link that starts the entry form on that commitment for that actor, dated in the round.
 */
export async function WhatsDue({ actorId, actorName }: { actorId: number; actorName: string }) {
  const [t, tStatus, format] = await Promise.all([
    getTranslations('home'),
    getTranslations('rounds.status'),
    getFormatter(),
  ]);
  const rounds = whatsDue(actorId);
  const day = (value: string) =>
    format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
  // The marks' style element once a page: with the first mark shown.
  const styledRound = rounds.find((round) => round.commitments.length > 0)?.id;
  return (
    <section className="work-list" aria-labelledby="whats-due-title">
      <h2 id="whats-due-title">{t('dueTitle')}</h2>
      <p className="meta">{t('dueIntro', { actor: actorName })}</p>
      {rounds.length === 0 ? <p>{t('dueEmpty', { actor: actorName })}</p> : null}
      {rounds.map((round) => {
        const headingId = `due-round-${round.id}`;
        return (
          <section key={round.id} aria-labelledby={headingId}>
            <h3 id={headingId}>{t('dueRound', { title: round.title, date: day(round.dueOn) })}</h3>
            <p className="meta">
              {t('dueReported', {
                reported: round.reported,
                total: round.reported + round.commitments.length,
              })}{' '}
              <Link href={`/rounds/${round.id}`}>{t('dueOpenRound')}</Link>
            </p>
            {round.commitments.length === 0 ? (
              <p>{t('dueAllReported', { actor: actorName })}</p>
            ) : (
              <ul className="card-list">
                {round.commitments.slice(0, DUE_SHOWN).map((commitment, index) => {
                  const start = new URLSearchParams({
                    commitment: commitment.code,
                    subject: String(actorId),
                    asOf: round.asOf,
                  });
                  return (
                    <li key={commitment.code} className="card">
                      <p>
                        <span aria-hidden="true">
                          <CompletionMark
                            status={commitment.status}
                            label={tStatus(commitment.status)}
                            styled={round.id === styledRound && index === 0}
                          />
                        </span>{' '}
                        {tStatus(commitment.status)} ·{' '}
                        <span className="code">{commitment.code}</span> {commitment.title}
                      </p>
                      <p>
                        <Link
                          href={`/entries/new?${start}`}
                          aria-label={t('dueStartLabel', {
                            code: commitment.code,
                            round: round.title,
                          })}
                        >
                          {t('dueStart')}
                        </Link>
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
            {round.commitments.length > DUE_SHOWN ? (
              <p>
                {t('dueMore', { count: round.commitments.length - DUE_SHOWN })}{' '}
                <Link href={`/rounds/${round.id}`}>{t('dueOpenRound')}</Link>
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
