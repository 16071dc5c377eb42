import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, queryOne } from './fixtures';
import { closePeople, newPerson } from './pages/auth';
import { EntryFormFields, MEASURE_LABELS, type EntryFields } from './pages/entry-form';
import { DEMO, signIn } from './pages/workspace';

// Each test writes its own entries (unique summaries) to the shared e2e database.
const unique = (label: string) =>
  `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const TODAY = new Date().toISOString().slice(0, 10);
const NEXT_YEAR = `${Number(TODAY.slice(0, 4)) + 1}-06-30`;
const STATUS_KEYS: Record<string, string> = {
  'Not started': 'not_started',
  'Limited progress': 'limited',
  'Substantial progress': 'substantial',
  Complete: 'complete',
  Regressed: 'regressed',
  'Unable to assess': 'unable_to_assess',
};
const MEASURE_KEYS = [
  'legislation',
  'policy',
  'programme',
  'budget',
  'institution',
  'data',
  'cooperation',
];
const FUTURE_DATE =
  'As of: cannot be in the future: enter the date the status describes, today or earlier';

interface StoredEntry {
  id: number;
  commitment: string;
  subject: string;
  status: string;
  as_of: string;
  summary: string;
  narrative: string;
  measures: string;
  evidence: string;
  confidence: string | null;
  adverse_effects: number;
  adverse_effects_description: string | null;
  state: string;
  supersedes_id: number | null;
}

const stored = (where: string, ...params: unknown[]) =>
  queryOne<StoredEntry | undefined>(
    `SELECT e.id, c.code AS commitment, s.name AS subject, e.status, e.as_of, e.summary, e.narrative, e.measures, e.evidence, e.confidence,
            e.adverse_effects, e.adverse_effects_description, e.state, e.supersedes_id
       FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id JOIN actors s ON s.id = e.subject_id WHERE ${where}`,
    ...params,
  );

/** The stored entry, field by field, is what the form showed when it was saved. */
function expectStored(
  entry: StoredEntry | undefined,
  typed: EntryFields,
  extra: { state: string; supersedes: number | null },
) {
  expect(entry).toBeDefined();
  expect({
    commitment: entry!.commitment,
    subject: entry!.subject,
    status: entry!.status,
    asOf: entry!.as_of,
    summary: entry!.summary,
    narrative: entry!.narrative,
    measures: JSON.parse(entry!.measures),
    evidence: JSON.parse(entry!.evidence),
    confidence: entry!.confidence,
    adverseEffects: entry!.adverse_effects === 1,
    adverseEffectsDescription: entry!.adverse_effects_description,
    state: entry!.state,
    supersedes: entry!.supersedes_id,
  }).toEqual({
    commitment: typed.commitment,
    subject: typed.subject.replace(/ \((self-report|independent assessment)\)$/, ''),
    status: STATUS_KEYS[typed.status],
    asOf: typed.asOf,
    summary: typed.summary,
    narrative: typed.narrative,
    // Stored in the form's order of measures, blank evidence rows left out.
    measures: MEASURE_KEYS.filter((_, index) => typed.measures.includes(MEASURE_LABELS[index]!)),
    evidence: typed.evidence.filter((link) => link !== null),
    confidence: typed.confidence ? typed.confidence.toLowerCase() : null,
    adverseEffects: typed.adverseEffects,
    adverseEffectsDescription: typed.adverseEffects ? typed.adverseEffectsDescription : null,
    ...extra,
  });
}

/** Commitments that ask states to act, so they apply to every demo state; not the first in the list. */
const stateCommitments = () =>
  [0, 1].map(
    (offset) =>
      queryOne<{ code: string }>(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id AND d.duty_bearer = 'states' WHERE c.archived_at IS NULL ORDER BY c.position LIMIT 1 OFFSET ?`,
        3 + offset,
      ).code,
  );

async function signedIn(
  browser: Browser,
  account: { email: string; password: string },
  next: string,
): Promise<Page> {
  const page = await newPerson(browser);
  await signIn(page, account, next);
  return page;
}

test.describe('the entry form keeps every value through an error', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a new independent assessment: nothing is chosen for the person, every value survives each error, and the draft is stored as typed', async ({
    browser,
  }) => {
    const [code] = stateCommitments();
    const page = await signedIn(browser, DEMO.bridgewellContributor, '/entries/new');
    const form = new EntryFormFields(page);
    await expect(form.commitment).toHaveValue('');
    await expect(form.commitment.locator('option:checked')).toHaveText('Choose a commitment');
    await expect(form.commitment).toHaveAttribute('aria-required', 'true');

    const typed: EntryFields = {
      commitment: '',
      subject: 'Republic of Aldoria (independent assessment)',
      status: 'Regressed',
      asOf: NEXT_YEAR,
      summary: unique('Monitors see returns without screening'),
      narrative:
        'Décret n° 7/2026 — observed at three border posts.\nSecond paragraph: « les renvois » continue. مراقبة',
      measures: ['Policy', 'Data', 'Cooperation'],
      // Rows 1, 3 and 5 left blank: errors must still name the rows as the form numbers them.
      evidence: [
        null,
        {
          url: 'https://example.org/monitoring-report',
          title: 'Monitoring report',
          relation: 'context',
        },
        null,
        { url: 'https://example.org/court-ruling', title: '', relation: 'contradicts' },
        null,
      ],
      confidence: '',
      adverseEffects: true,
      adverseEffectsDescription: 'Returns without an individual assessment of protection needs.',
    };
    await form.fill({ subject: typed.subject });
    await expect(form.confidence).toHaveAttribute('aria-required', 'true');
    await expect(form.form.getByText('(required)')).toHaveCount(5);
    await form.fill(typed);
    await form.saveExpectingErrors('Save draft', [
      'Commitment: choose the commitment this entry is about',
      FUTURE_DATE,
      'Evidence link 4: give the link a title, or clear its web address',
    ]);
    await form.expectValues(typed);
    await expectNoAxeViolations(page);

    // Every field now set to something other than its default, the date still in the future.
    typed.commitment = code!;
    typed.confidence = 'Low';
    await form.fill({ commitment: typed.commitment, confidence: typed.confidence });
    await form.saveExpectingErrors('Save draft', [
      FUTURE_DATE,
      'Evidence link 4: give the link a title, or clear its web address',
    ]);
    await form.expectValues(typed);

    // Confidence is required of an independent assessment by the data layer, at every save.
    typed.asOf = TODAY;
    typed.evidence[3]!.title = 'Court ruling';
    typed.confidence = '';
    await form.fill({ asOf: typed.asOf, evidence: typed.evidence, confidence: typed.confidence });
    await form.saveExpectingErrors('Save draft', [
      'Confidence of this assessment: choose how confident you are in this independent assessment',
    ]);
    await form.expectValues(typed);
    expect(stored('e.summary = ?', typed.summary)).toBeUndefined();

    typed.confidence = 'Low';
    await form.fill({ confidence: typed.confidence });
    await form.save('Save draft');
    await expect(page).toHaveURL(/\/entries\/mine\?saved=\d+$/);
    const id = Number(new URL(page.url()).searchParams.get('saved'));
    expectStored(stored('e.id = ?', id), typed, { state: 'draft', supersedes: null });
    await closePeople(page);
  });

  test('an edit of a draft keeps every change through errors, and a description of adverse effects is never dropped unticked', async ({
    browser,
  }) => {
    const [first, second] = stateCommitments();
    const page = await signedIn(browser, DEMO.aldoriaContributor, '/entries/new');
    const form = new EntryFormFields(page);
    const original = unique('Referral mechanism drafted');
    await form.fill({
      commitment: first!,
      status: 'Limited progress',
      asOf: '2025-03-31',
      summary: original,
    });
    await form.save('Save draft');
    await expect(page).toHaveURL(/\/entries\/mine\?saved=\d+$/);
    const id = Number(new URL(page.url()).searchParams.get('saved'));
    expect(second).toBeDefined();

    await page.goto(`/entries/${id}/edit`);
    const typed: EntryFields = {
      commitment: first!,
      subject: 'Republic of Aldoria (self-report)',
      status: 'Substantial progress',
      asOf: NEXT_YEAR,
      summary: unique('Referral mechanism adopted'),
      narrative: 'Adopted by decree; training of border officials has started.',
      measures: ['Legislation', 'Institution'],
      evidence: [
        { url: 'https://example.org/decree', title: 'Decree 12/2026', relation: 'supports' },
        {
          url: 'https://example.org/ngo-letter',
          title: 'Letter from an NGO',
          relation: 'contradicts',
        },
        null,
        null,
        { url: 'https://example.org/statistics', title: 'Statistics', relation: 'context' },
      ],
      confidence: null,
      adverseEffects: false,
      adverseEffectsDescription: 'Detention of children during screening.',
    };
    await form.fill(typed);
    await form.saveExpectingErrors('Save changes', [
      FUTURE_DATE,
      'Adverse effects: tick “These measures had adverse effects on rights” to keep this description, or clear it',
    ]);
    await form.expectValues(typed);

    typed.asOf = '2026-01-15';
    typed.adverseEffects = true;
    await form.fill({ asOf: typed.asOf, adverseEffects: true });
    await form.save('Save changes');
    await expect(page).toHaveURL(`/entries/mine?saved=${id}`);
    expectStored(stored('e.id = ?', id), typed, { state: 'draft', supersedes: null });
    await closePeople(page);
  });

  test('a correction of a published entry keeps every change through an error, and supersedes the entry it corrects', async ({
    browser,
  }) => {
    const published = queryOne<{ id: number; summary: string }>(
      `SELECT e.id, e.summary FROM progress_entries e JOIN actors a ON a.id = e.reporter_id JOIN commitments c ON c.id = e.commitment_id
        WHERE a.name = 'Republic of Aldoria' AND e.subject_id = e.reporter_id AND e.state = 'published' AND e.withdrawn_at IS NULL
          AND e.superseded_by_id IS NULL AND c.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM progress_entries d WHERE d.supersedes_id = e.id)
        ORDER BY c.position, e.id LIMIT 1 OFFSET 2`,
    );
    const original = stored('e.id = ?', published.id)!;
    const page = await signedIn(browser, DEMO.aldoriaFocal, `/entries/${published.id}/correct`);
    const form = new EntryFormFields(page);
    await expect(form.summary).toHaveValue(published.summary);
    await expect(form.commitment).toBeDisabled();

    const typed: EntryFields = {
      commitment: original.commitment,
      subject: 'Republic of Aldoria (self-report)',
      status: 'Complete',
      asOf: NEXT_YEAR,
      summary: unique('Corrected: programme fully funded'),
      narrative: 'The earlier entry gave last year’s budget line.',
      measures: ['Budget', 'Programme'],
      evidence: [
        { url: 'https://example.org/budget-2026', title: 'Budget law 2026', relation: 'supports' },
        null,
        { url: 'https://example.org/audit', title: 'Audit office note', relation: 'context' },
        null,
        null,
      ],
      confidence: null,
      adverseEffects: true,
      adverseEffectsDescription: 'None known, but the audit was partial.',
    };
    await form.fill(typed);
    await form.saveExpectingErrors('Save correction as draft', [FUTURE_DATE]);
    await form.expectValues(typed);

    typed.asOf = TODAY;
    await form.fill({ asOf: typed.asOf });
    await form.save('Save correction as draft');
    await expect(page).toHaveURL(/\/entries\/mine\?saved=\d+$/);
    expectStored(stored('e.summary = ?', typed.summary), typed, {
      state: 'draft',
      supersedes: published.id,
    });
    await closePeople(page);
  });

  test('without JavaScript the form still keeps every value through an error and saves', async ({
    browser,
  }) => {
    const [code] = stateCommitments();
    const signedInPage = await signedIn(browser, DEMO.aldoriaContributor, '/entries/mine');
    const context = await browser.newContext({
      storageState: await signedInPage.context().storageState(),
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto('/entries/new');
    const form = new EntryFormFields(page);
    const typed: EntryFields = {
      commitment: code!,
      subject: 'Republic of Aldoria (self-report)',
      status: 'Not started',
      asOf: NEXT_YEAR,
      summary: unique('No measures yet'),
      narrative: 'Planned for next year.',
      measures: ['Programme'],
      evidence: [
        { url: 'https://example.org/plan', title: 'Plan', relation: 'context' },
        null,
        null,
        null,
        null,
      ],
      confidence: null,
      adverseEffects: true,
      adverseEffectsDescription: 'Pushbacks reported at the northern border.',
    };
    await form.fill(typed);
    await form.save('Save draft');
    await expect(form.errorSummary.getByRole('listitem')).toHaveText([FUTURE_DATE]);
    await form.expectValues(typed);

    typed.asOf = TODAY;
    await form.fill({ asOf: typed.asOf });
    await form.save('Save draft');
    await expect(page).toHaveURL(/\/entries\/mine\?saved=\d+$/);
    expectStored(stored('e.summary = ?', typed.summary), typed, {
      state: 'draft',
      supersedes: null,
    });
    await closePeople(signedInPage, page);
  });
});
