import { useFormatter, useTranslations } from 'next-intl';

/** The datasets of /api/v1/exports/{dataset}.{csv|json}. */
export type ExportDataset = 'commitments' | 'actors' | 'entries' | 'matrix' | 'summary';

type Query = Record<string, string | number | undefined | null>;

/** The export URL of a dataset with the view's filters, so a download is what the page shows. */
export function exportHref(
  dataset: ExportDataset,
  format: 'csv' | 'json',
  query: Query = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  const search = params.toString();
  return `/api/v1/exports/${dataset}.${format}${search ? `?${search}` : ''}`;
}

/**
 * "Download this data": CSV and JSON links for the datasets a view shows, with its filters and
 * as-of date. Works in server and client components alike (no hooks but translations).
 */
export function DownloadLinks({
  datasets,
  query = {},
}: {
  datasets: readonly ExportDataset[];
  query?: Query;
}) {
  const t = useTranslations('data.downloads');
  // A list in the locale's punctuation: "CSV, JSON" in English, the Arabic comma in Arabic.
  const format = useFormatter();
  return (
    <p className="meta download-links">
      <span>{t('label')}:</span>{' '}
      {datasets.map((dataset, index) => (
        <span key={dataset}>
          {index > 0 ? ' · ' : null}
          {format.list(
            (['csv', 'json'] as const).map((kind) => (
              <a key={kind} href={exportHref(dataset, kind, query)} download>
                {t(kind, { dataset: t(`datasets.${dataset}`) })}
              </a>
            )),
            { type: 'conjunction', style: 'narrow' },
          )}
        </span>
      ))}
    </p>
  );
}
