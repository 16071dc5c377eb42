import { getTranslations } from 'next-intl/server';
import { NextResponse } from 'next/server';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { CSV_CONTENT_TYPE, csvHead } from '@/lib/csv';
import { DEFAULT_LOCALE } from '@/lib/i18n/request';
import { logError } from '@/lib/logger';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import type { Theme } from '@/lib/taxonomy';
import { invalidParameters, notFound, parseRequestQuery } from '../../_lib/respond';
import { DATASETS, DATASET_NAMES, type DatasetName } from '@/db/exports/datasets';
import { openExport } from '@/db/exports/export-stream';

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
    return notFound(
      `No such export. Exports: ${DATASET_NAMES.flatMap((dataset) => [`${dataset}.csv`, `${dataset}.json`]).join(', ')}.`,
    );
  }
  const format = match[2] as 'csv' | 'json';
  const dataset = DATASETS[name];
  const query = parseRequestQuery(request, dataset.parameters);
  if (!query.ok) return invalidParameters(query.errors);

  const [tTheme, tApp] = await Promise.all([
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'theme' }),
    getTranslations({ locale: DEFAULT_LOCALE, namespace: 'app' }),
  ]);
  const demo = getWorkspaceMode() === 'demo';
  const url = new URL(request.url);
  const source = { name: tApp('name'), url: `${url.pathname}${url.search}` };
  const notice = demo ? tApp('demoNotice') : null;
  // Opened last: until the stream's end or cancel, the export may hold a connection and its snapshot.
  const rows = await openExport(name, format, query.value, {
    theme: (theme: Theme) => tTheme(theme),
  });
  const { asOf } = rows;
  const filename = `commitment-tracker-${demo ? 'demo-' : ''}${name}-as-of-${asOf}.${format}`;
  const headers = {
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
    'Content-Type': format === 'csv' ? CSV_CONTENT_TYPE : 'application/json',
  };
  const meta = {
    dataset: name,
    generated_at: new Date().toISOString(),
    as_of: asOf,
    filters: query.value,
    source,
    demo,
    notice,
    columns: dataset.columns,
    count: rows.count,
  };

  // Streamed a chunk at a time, as the client reads: an export of 1,000,000 entries never sits in
  // memory whole. The bytes are those of the whole document (lib/csv.ts; JSON.stringify). The
  // stream asks for the next chunk only once the client has taken this one (pipeTo awaits the
  // response's drain).
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          format === 'csv' ? csvHead(dataset.columns) : `{"meta":${JSON.stringify(meta)},"rows":[`,
        ),
      );
    },
    async pull(controller) {
      try {
        const bytes = await rows.next();
        if (bytes) return controller.enqueue(bytes);
        if (format === 'json') controller.enqueue(encoder.encode(']}'));
        controller.close();
      } catch (error) {
        rows.close();
        logError(error, {
          requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined,
          method: 'GET',
          route: `export ${name}.${format}`,
        });
        controller.error(error);
      }
    },
    cancel() {
      rows.close();
    },
  });
  return new NextResponse(body, { headers });
}
