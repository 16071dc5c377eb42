import { getTranslations } from 'next-intl/server';
import { NextResponse } from 'next/server';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { CSV_CONTENT_TYPE, toCsv } from '@/lib/csv';
import { csvValue } from '@/lib/entries-csv';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import type { Theme } from '@/lib/taxonomy';
import { invalidParameters, notFound, parseRequestQuery } from '../../_lib/respond';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../_lib/datasets';

/**
 * GET /api/v1/exports/{dataset}.{csv|json}: commitments, actors, entries, matrix or summary, with
 * the same parameters (filters, asOf) as the page and the API route of that dataset.
 *
 * CSV: UTF-8 with BOM, CRLF, a header row of snake_case columns, lists joined by ";" (evidence as
 * JSON), text cells that start with = + - @ guarded by a leading apostrophe (lib/csv.ts).
 * JSON: { meta: { dataset, generated_at, as_of, filters, source, demo, notice, columns, count }, rows }
 * with the same rows, lists as arrays. Both are attachments named after the dataset and as-of date.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = /^([a-z]+)\.(csv|json)$/.exec((await params).file);
  const name = match?.[1] as DatasetName | undefined;
  if (!match || !name || !DATASET_NAMES.includes(name)) {
    return notFound(`No such export. Exports: ${DATASET_NAMES.flatMap((dataset) => [`${dataset}.csv`, `${dataset}.json`]).join(', ')}.`);
  }
  const format = match[2] as 'csv' | 'json';
  const dataset = DATASETS[name];
  const query = parseRequestQuery(request, dataset.parameters);
  if (!query.ok) return invalidParameters(query.errors);

  const [tTheme, tApp] = await Promise.all([
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'theme' }),
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'app' }),
  ]);
  const { asOf, rows } = dataset.load(query.value, { theme: (theme: Theme) => tTheme(theme) });
  const demo = getWorkspaceMode() === 'demo';
  const filename = `commitment-tracker-${demo ? 'demo-' : ''}${name}-as-of-${asOf}.${format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  };

  if (format === 'csv') {
    const body = toCsv(
      dataset.columns,
      rows.map((row) => dataset.columns.map((column) => csvValue(row[column] ?? null))),
    );
    return new NextResponse(body, { headers: { ...headers, 'Content-Type': CSV_CONTENT_TYPE } });
  }
  const url = new URL(request.url);
  return NextResponse.json(
    {
      meta: {
        dataset: name,
        generated_at: new Date().toISOString(),
        as_of: asOf,
        filters: query.value,
        source: { name: tApp('name'), url: `${url.pathname}${url.search}` },
        demo,
        notice: demo ? tApp('demoNotice') : null,
        columns: dataset.columns,
        count: rows.length,
      },
      rows,
    },
    { headers },
  );
}
