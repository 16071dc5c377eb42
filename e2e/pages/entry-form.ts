import { expect, type Locator, type Page } from '@playwright/test';
import { alertBox } from './auth';

/** Everything a person can set in the log-progress form, as they see it (labels, not stored keys). */
export interface EntryFields {
  /** A commitment code, or '' for "Choose a commitment". */
  commitment: string;
  /** The subject option's text, e.g. "Republic of Aldoria (independent assessment)". */
  subject: string;
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  /** Measure labels ticked; every other one is unticked. */
  measures: string[];
  /** One per row of the form (five); null for a row left blank. Relation by its stored value. */
  evidence: ({
    url: string;
    title: string;
    relation: 'supports' | 'contradicts' | 'context';
  } | null)[];
  /** A confidence label, '' for none chosen, or null when the form does not ask (a self-report). */
  confidence: string | null;
  adverseEffects: boolean;
  adverseEffectsDescription: string;
}

export const MEASURE_LABELS = [
  'Legislation',
  'Policy',
  'Programme',
  'Budget',
  'Institution',
  'Data',
  'Cooperation',
];

/** The log-progress form (new entry, edit, correction): every field, set and read back. */
export class EntryFormFields {
  readonly form: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.form = page.locator('form.entry-form');
    this.errorSummary = alertBox(page).filter({
      has: page.getByRole('heading', { name: /problem/ }),
    });
  }

  get commitment() {
    return this.form.getByLabel('Commitment', { exact: true });
  }
  get subject() {
    return this.form.getByLabel('About');
  }
  status(label: string) {
    return this.form.getByRole('radio', { name: label, exact: true });
  }
  get asOf() {
    return this.form.getByLabel('As of');
  }
  get summary() {
    return this.form.getByLabel('Summary (one line)');
  }
  get narrative() {
    return this.form.getByLabel('Narrative');
  }
  measure(label: string) {
    return this.form.getByRole('checkbox', { name: label, exact: true });
  }
  evidence(row: number) {
    return {
      url: this.form.getByLabel(`Link ${row}: web address`),
      title: this.form.getByLabel(`Link ${row}: title`),
      relation: this.form.getByLabel(`Link ${row}: relation to the claim`),
    };
  }
  get confidence() {
    return this.form.getByLabel('Confidence of this assessment');
  }
  get adverseEffects() {
    return this.form.getByRole('checkbox', {
      name: 'These measures had adverse effects on rights',
    });
  }
  get adverseEffectsDescription() {
    return this.form.getByLabel('Adverse effects', { exact: true });
  }

  /** Sets every field the form lets this person change (commitment and subject only on a new entry). */
  async fill(fields: Partial<EntryFields>) {
    if (fields.commitment !== undefined && (await this.commitment.isEnabled()))
      await this.commitment.selectOption(fields.commitment);
    if (fields.subject !== undefined && (await this.subject.isEnabled()))
      await this.subject.selectOption({ label: fields.subject });
    if (fields.status !== undefined) await this.status(fields.status).check();
    if (fields.asOf !== undefined) await this.asOf.fill(fields.asOf);
    if (fields.summary !== undefined) await this.summary.fill(fields.summary);
    if (fields.narrative !== undefined) await this.narrative.fill(fields.narrative);
    if (fields.measures !== undefined)
      for (const label of MEASURE_LABELS)
        await this.measure(label).setChecked(fields.measures.includes(label));
    if (fields.evidence !== undefined) {
      for (const [index, link] of fields.evidence.entries()) {
        const row = this.evidence(index + 1);
        await row.url.fill(link?.url ?? '');
        await row.title.fill(link?.title ?? '');
        await row.relation.selectOption(link?.relation ?? 'supports');
      }
    }
    if (fields.confidence !== undefined && fields.confidence !== null)
      await this.confidence.selectOption(
        fields.confidence === '' ? '' : { label: fields.confidence },
      );
    if (fields.adverseEffects !== undefined)
      await this.adverseEffects.setChecked(fields.adverseEffects);
    if (fields.adverseEffectsDescription !== undefined)
      await this.adverseEffectsDescription.fill(fields.adverseEffectsDescription);
  }

  /** Every field shows exactly these values. */
  async expectValues(fields: EntryFields) {
    await expect(this.commitment).toHaveValue(fields.commitment);
    await expect(this.subject.locator('option:checked')).toHaveText(fields.subject);
    await expect(this.form.getByRole('radio', { checked: true })).toHaveCount(
      fields.status === '' ? 0 : 1,
    );
    if (fields.status !== '') await expect(this.status(fields.status)).toBeChecked();
    await expect(this.asOf).toHaveValue(fields.asOf);
    await expect(this.summary).toHaveValue(fields.summary);
    await expect(this.narrative).toHaveValue(fields.narrative);
    for (const label of MEASURE_LABELS)
      await expect(this.measure(label), label).toBeChecked({
        checked: fields.measures.includes(label),
      });
    for (const [index, link] of fields.evidence.entries()) {
      const row = this.evidence(index + 1);
      await expect(row.url, `link ${index + 1}`).toHaveValue(link?.url ?? '');
      await expect(row.title, `link ${index + 1}`).toHaveValue(link?.title ?? '');
      await expect(row.relation, `link ${index + 1}`).toHaveValue(link?.relation ?? 'supports');
    }
    if (fields.confidence === null) await expect(this.confidence).toHaveCount(0);
    else
      await expect(this.confidence.locator('option:checked')).toHaveText(
        fields.confidence === '' ? 'Choose…' : fields.confidence,
      );
    await expect(this.adverseEffects).toBeChecked({ checked: fields.adverseEffects });
    await expect(this.adverseEffectsDescription).toHaveValue(fields.adverseEffectsDescription);
  }

  async save(label: string) {
    await this.form.getByRole('button', { name: label }).click();
  }

  /**
   * Saves, expecting exactly these errors in the summary, in this order: each takes focus, and
   * links to an element that exists and says the same next to it.
   */
  async saveExpectingErrors(label: string, messages: string[]) {
    await this.save(label);
    const items = this.errorSummary.getByRole('listitem');
    await expect(items).toHaveText(messages);
    await expect(this.errorSummary).toBeFocused();
    await expect(this.errorSummary.getByRole('link')).toHaveCount(messages.length);
    for (const link of await this.errorSummary.getByRole('link').all()) {
      const href = (await link.getAttribute('href')) ?? '';
      expect(href, (await link.textContent()) ?? undefined).toMatch(/^#[\w-]+$/);
      const target = this.page.locator(href);
      await expect(target, href).toHaveCount(1);
      await expect(this.page.locator(`${href}-error`), href).toContainText(
        (await link.textContent())!,
      );
    }
  }
}
