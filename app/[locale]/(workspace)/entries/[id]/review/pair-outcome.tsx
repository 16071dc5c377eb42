import { getFormatter, getTranslations } from 'next-intl/server';
import { actorNamer } from '@/app/_lib/localized-names';
import type { EntryDetailDto, PairOutcomeDto, PairStatusDto } from '@/db/queries/entry-detail';
import { StatusBadge } from '@/app/_components/status-badge';
import { dateOnly } from '@/lib/dates';

/**
 * The pair's self-reported and independent status now and once the entry is published, each
 * change said in words, so the reviewer sees what publishing will do to the public figures.
 */
export async function PairOutcome({
  entry,
  pair,
  headingId,
}: {
  entry: EntryDetailDto;
  pair: PairOutcomeDto[];
  headingId: string;
}) {
  const [t, format, name] = await Promise.all([getTranslations(), getFormatter(), actorNamer()]);
  const status = (value: PairStatusDto | null) => {
    if (!value) return t('entryReview.noStatus');
    const own = value.entryId === entry.id;
    return (
      <>
        <StatusBadge status={value.status} />{' '}
        <span className="meta">
          {t(own ? 'entryReview.statusMetaThis' : 'entryReview.statusMeta', {
            date: format.dateTime(dateOnly(value.asOf), { dateStyle: 'medium' }),
            reporter: name(value.reporterName),
            id: value.entryId,
          })}
        </span>
      </>
    );
  };
  const verdict = (row: PairOutcomeDto) => {
    if (row.becomesCurrent) return t('entryReview.becomesCurrent');
    if (row.after?.entryId !== row.now?.entryId) return t('entryReview.replacesCorrected');
    return row.perspective === entry.perspective && entry.state !== 'published'
      ? t('entryReview.staysEarlier')
      : t('entryReview.unchanged');
  };
  return (
    <>
      <p>
        {t('entryReview.pairIntro', {
          code: entry.commitment.code,
          subject: name(entry.subject.name),
        })}
      </p>
      <div className="table-scroll">
        <table className="data" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('entryReview.perspective')}</th>
              <th scope="col">{t('entryReview.now')}</th>
              <th scope="col">{t('entryReview.after')}</th>
            </tr>
          </thead>
          <tbody>
            {pair.map((row) => (
              <tr key={row.perspective}>
                <th scope="row">{t(`perspective.${row.perspective}`)}</th>
                <td>{status(row.now)}</td>
                <td>
                  {status(row.after)}
                  <p
                    className={
                      row.becomesCurrent || row.after?.entryId !== row.now?.entryId
                        ? 'changed-verdict'
                        : 'meta'
                    }
                  >
                    <strong>{verdict(row)}</strong>
                  </p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
