import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import * as t from '../schema';
import { demoDatabases } from '../../test/support/demo-database';
import { DEMO_ADMIN_ID } from '../../seed/demo';
import { csvHead, parseCsv } from '../../lib/csv';
import { saveCommitmentTranslation } from '../queries/commitment-translations';
import { DATASETS } from './datasets';
import { openExport, type ExportFormat } from './export-stream';

/** The commitments export carries each verbatim original and, beside it, every current translation. */
const demo = demoDatabases();
let db: Db;
beforeEach(() => {
  db = demo();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

async function exported(format: ExportFormat): Promise<string> {
  const rows = await openExport('commitments', format, {}, { theme: (theme: string) => theme });
  let text = '';
  for (let bytes = await rows.next(); bytes; bytes = await rows.next())
    text += Buffer.from(bytes).toString();
  return text;
}

const first = () =>
  db
    .select({ id: t.commitments.id, code: t.commitments.code, title: t.commitments.title })
    .from(t.commitments)
    .orderBy(t.commitments.position)
    .get()!;

describe('the commitments export', () => {
  it('has the original language and a title and text column for every other UN language', () => {
    const columns = DATASETS.commitments.columns;
    expect(columns.slice(columns.indexOf('language'))).toEqual([
      'language',
      'title_ar',
      'text_ar',
      'title_es',
      'text_es',
      'title_fr',
      'text_fr',
      'title_ru',
      'text_ru',
      'title_zh',
      'text_zh',
    ]);
  });

  it('carries the verbatim original and the current translation, in CSV and JSON', async () => {
    const commitment = first();
    for (const title of ['Première version', 'Ériger en infraction le trafic de migrants'])
      expect(
        saveCommitmentTranslation(
          DEMO_ADMIN_ID,
          commitment.id,
          { locale: 'fr', title, text: 'Les États devraient ériger en infraction le trafic.' },
          {},
          db,
        ),
      ).toMatchObject({ ok: true });

    const csv = parseCsv(csvHead(DATASETS.commitments.columns) + (await exported('csv')));
    expect(csv.problems).toEqual([]);
    const [row, other] = csv.rows;
    expect(row).toMatchObject({
      code: commitment.code,
      title: commitment.title,
      language: 'en',
      title_fr: 'Ériger en infraction le trafic de migrants',
      text_fr: 'Les États devraient ériger en infraction le trafic.',
      title_ar: '',
      text_zh: '',
    });
    expect(other).toMatchObject({ language: 'en', title_fr: '', text_fr: '' });

    const json = JSON.parse(`[${await exported('json')}]`) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({
      code: commitment.code,
      title: commitment.title,
      language: 'en',
      title_fr: 'Ériger en infraction le trafic de migrants',
      title_es: null,
    });
    expect(Object.keys(json[0]!)).toEqual([...DATASETS.commitments.columns]);
  });
});
