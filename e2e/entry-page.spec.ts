import { expect, test, type Page } from '@playwright/test';
import messages from '../lib/i18n/messages/en.json';
import { expectNoAxeViolations, queryAll, queryOne } from './fixtures';

type StatusKey = keyof typeof messages.status;
type MeasureKey = keyof typeof messages.measure;
type RelationKey = keyof typeof messages.relation;

interface EntryRow {
  id: number;
  code: string;
  title: string;
  commitment_id: number;
  subject_id: number;
  subject: string;
  reporter_id: number;
  reporter: string;
  status: StatusKey;
  summary: string;
  narrative: string;
  measures: string;
  evidence: string;
  confidence: keyof typeof messages.confidence | null;
  supersedes_id: number | null;
  superseded_by_id: number | null;
  withdrawal_reason: string | null;
}

const ENTRY_COLUMNS = `e.id, c.code, c.title, e.commitment_id, e.subject_id, s.name AS subject, e.reporter_id, r.name AS reporter, e.status, e.summary,
  e.narrative, e.measures, e.evidence, e.confidence, e.supersedes_id, e.superseded_by_id, e.withdrawal_reason
  FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id JOIN actors s ON s.id = e.subject_id JOIN actors r ON r.id = e.reporter_id`;

const entry = (id: number) => queryOne<EntryRow>(`SELECT ${ENTRY_COLUMNS} WHERE e.id = ?`, id);

/** The entries of the pair a perspective counts now, as the matrix reads them. */
const currentOf = (row: EntryRow) =>
  Object.fromEntries(
    queryAll<{ perspective: 'self' | 'independent'; entry_id: number }>(
      'SELECT perspective, entry_id FROM current_status WHERE commitment_id = ? AND subject_id = ?',
      row.commitment_id,
      row.subject_id,
    ).map((current) => [current.perspective, current.entry_id]),
  ) as Partial<Record<'self' | 'independent', number>>;

/** The change log's page (50 a page, newest first) that lists an audit row. */
const changeLogPage = (auditId: number) =>
  Math.floor(
    queryOne<{ before: number }>(
      `SELECT count(*) AS before FROM audit_log WHERE entity_type = 'progress_entry' AND action IN ('entry.publish', 'entry.supersede', 'entry.withdraw')
       AND (at > (SELECT at FROM audit_log WHERE id = ?) OR (at = (SELECT at FROM audit_log WHERE id = ?) AND id > ?))`,
      auditId,
      auditId,
      auditId,
    ).before / 50,
  ) + 1;

const entryDetail = (page: Page) => page.locator('dl.entry-detail');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe("an entry's own page", () => {
  test('a published assessment opened from its commitment page shows every public field and the pair', async ({
    page,
  }) => {
    // An independent assessment with every field filled, on the first page (20) of its commitment's
    // list, whose pair also has a current self-report.
    const { id } = queryOne<{ id: number }>(
      `SELECT e.id FROM progress_entries e
       WHERE e.state = 'published' AND e.withdrawn_at IS NULL AND e.superseded_by_id IS NULL AND e.perspective = 'independent'
         AND e.narrative <> '' AND json_array_length(e.evidence) > 0 AND json_array_length(e.measures) > 0 AND e.confidence IS NOT NULL
         AND EXISTS (SELECT 1 FROM current_status cs WHERE cs.commitment_id = e.commitment_id AND cs.subject_id = e.subject_id AND cs.perspective = 'self')
         AND (SELECT count(*) FROM progress_entries o WHERE o.commitment_id = e.commitment_id AND o.state = 'published'
              AND (o.as_of > e.as_of OR (o.as_of = e.as_of AND (o.published_at > e.published_at OR (o.published_at = e.published_at AND o.id > e.id))))) < 20
       ORDER BY e.id LIMIT 1`,
    );
    const row = entry(id);
    await page.goto(`/commitments/${row.code}`);
    await page
      .getByRole('list', { name: 'Entries' })
      .getByRole('link', { name: row.summary, exact: true })
      .click();
    await expect(page).toHaveURL(new RegExp(`/entries/${id}$`));
    await expect(page).toHaveTitle(new RegExp(`^${row.code}: ${escape(row.summary)}`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${row.code} ${row.summary}`);
    await expect(page.getByText('Not published.')).toHaveCount(0);

    const detail = entryDetail(page);
    await expect(detail).toContainText(`${row.code} ${row.title}`);
    await expect(detail).toContainText(
      `Independent assessment of ${row.subject} by ${row.reporter}`,
    );
    await expect(detail).toContainText(messages.status[row.status]);
    await expect(
      detail.locator('.user-text[dir="auto"]', { hasText: row.narrative.slice(0, 60) }),
    ).toBeVisible();
    for (const measure of JSON.parse(row.measures) as MeasureKey[])
      await expect(detail).toContainText(messages.measure[measure]);
    for (const link of JSON.parse(row.evidence) as {
      url: string;
      title: string;
      relation: RelationKey;
    }[]) {
      const item = detail.getByRole('listitem').filter({ hasText: link.url });
      await expect(item.getByRole('link', { name: link.title })).toHaveAttribute('href', link.url);
      await expect(item).toContainText(`(${messages.relation[link.relation]})`);
    }
    await expect(detail).toContainText(messages.confidence[row.confidence!]);
    await expect(detail.getByText('Published', { exact: true })).toBeVisible();
    // The public page says nothing about who wrote or approved it.
    await expect(detail.getByText('Written by')).toHaveCount(0);

    const byline = page.locator('main p.meta').filter({ hasText: `Entry ${id} about` });
    await expect(byline.getByRole('link', { name: row.subject })).toHaveAttribute(
      'href',
      `/actors/${row.subject_id}`,
    );
    await expect(byline.getByRole('link', { name: row.reporter })).toHaveAttribute(
      'href',
      `/actors/${row.reporter_id}`,
    );

    // The pair: this entry is the current assessment or links to the one that is; the self-report is linked.
    const current = currentOf(row);
    const pair = page.getByRole('region', { name: 'On the same actor and commitment' });
    const selfReport = entry(current.self!);
    await expect(
      pair.getByRole('link', { name: new RegExp(`by ${escape(selfReport.reporter)}$`) }),
    ).toHaveAttribute('href', `/entries/${current.self}`);
    if (current.independent === id) await expect(pair).toContainText('This entry:');
    else await expect(pair.locator(`a[href="/entries/${current.independent}"]`)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a correction opened from the change log links to the entry it supersedes, and that entry back to it', async ({
    page,
  }) => {
    const { audit, id } = queryOne<{ audit: number; id: number }>(
      `SELECT a.id AS audit, e.id FROM audit_log a JOIN progress_entries e ON e.id = CAST(a.entity_id AS INTEGER)
       WHERE a.entity_type = 'progress_entry' AND a.action = 'entry.publish' AND e.supersedes_id IS NOT NULL AND e.withdrawn_at IS NULL
       ORDER BY a.at DESC, a.id DESC LIMIT 1`,
    );
    const correction = entry(id);
    const original = entry(correction.supersedes_id!);
    await page.goto(`/changes?page=${changeLogPage(audit)}`);
    const logRow = page
      .getByRole('row')
      .filter({ hasText: 'Published' })
      .filter({ has: page.getByRole('link', { name: correction.summary, exact: true }) });
    await logRow.getByRole('link', { name: correction.summary, exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/entries/${id}$`));
    await expect(entryDetail(page)).toContainText('Corrects');
    await entryDetail(page)
      .getByRole('link', { name: `entry ${original.id}` })
      .click();

    await expect(page).toHaveURL(new RegExp(`/entries/${original.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `${original.code} ${original.summary}`,
    );
    const notice = page.locator('.superseded-notice');
    await expect(notice).toContainText('Superseded by a correction.');
    await expect(notice.getByRole('link', { name: `entry ${id}` })).toHaveAttribute(
      'href',
      `/entries/${id}`,
    );
    await expectNoAxeViolations(page);
  });

  test('a withdrawn entry opened from the change log says so, with its reason', async ({
    page,
  }) => {
    const { audit, id } = queryOne<{ audit: number; id: number }>(
      `SELECT a.id AS audit, CAST(a.entity_id AS INTEGER) AS id FROM audit_log a
       WHERE a.entity_type = 'progress_entry' AND a.action = 'entry.withdraw' ORDER BY a.at DESC, a.id DESC LIMIT 1`,
    );
    const withdrawn = entry(id);
    await page.goto(`/changes?page=${changeLogPage(audit)}`);
    const logRow = page
      .getByRole('row')
      .filter({ hasText: `Withdrawn: ${withdrawn.withdrawal_reason}` });
    await logRow.getByRole('link', { name: withdrawn.summary, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/entries/${id}$`));
    const notice = page.locator('.withdrawn-notice');
    await expect(notice).toContainText(/Withdrawn on \w+ \d{1,2}, \d{4}\./);
    await expect(notice.locator('.user-text[dir="auto"]')).toHaveText(withdrawn.withdrawal_reason!);
  });

  test('an entry that is not published, and an id that names no entry, are not found, never an error', async ({
    page,
    request,
  }) => {
    const unpublished = queryAll<{ id: number }>(
      `SELECT min(id) AS id FROM progress_entries WHERE state <> 'published' GROUP BY state`,
    ).map((row) => row.id);
    expect(unpublished).toHaveLength(3);
    const { max } = queryOne<{ max: number }>('SELECT max(id) AS max FROM progress_entries');
    const bogus = [
      'abc',
      '0',
      '-1',
      '1.5',
      '1e3',
      String(max + 1000),
      '9007199254740993',
      '99999999999999999999999999',
      '12%20',
    ];
    for (const id of [...unpublished.map(String), ...bogus]) {
      const response = await request.get(`/entries/${id}`);
      expect(response.status(), `/entries/${id}`).toBe(404);
      expect(await response.text()).toContain('Page not found');
    }
    await page.goto(`/entries/${unpublished[0]}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page).toHaveTitle(/^Page not found/);
  });

  test("the workspace's own pages under /entries are still theirs, not an entry's", async ({
    request,
  }) => {
    for (const path of ['/entries/new', '/entries/mine', '/entries/review', '/entries/import']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeGreaterThanOrEqual(300);
      expect(response.status(), path).toBeLessThan(400);
      expect(response.headers().location, path).toContain(
        `/sign-in?next=${encodeURIComponent(path)}`,
      );
    }
  });
});
