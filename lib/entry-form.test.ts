import { describe, expect, it } from 'vitest';
import { entryInputFromForm } from './entry-form';
import { entryInputSchema } from './entry-input';

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

const BASE: [string, string][] = [
  ['$ACTION_ID_abc', ''],
  ['idempotencyKey', 'form-12345678'],
  ['commitment', 'TIP-01'],
  ['subject', '3'],
  ['status', 'limited'],
  ['asOf', '2025-12-31'],
  ['summary', 'Screening guidelines drafted'],
  ['narrative', ''],
  ['confidence', ''],
  ['adverseEffectsDescription', ''],
  ['supersedes', ''],
];

describe('entryInputFromForm', () => {
  it('turns a filled form into a valid entry input', () => {
    const input = entryInputFromForm(
      form([
        ...BASE,
        ['measures', 'policy'],
        ['measures', 'data'],
        ['evidence.0.url', 'https://example.org/a'],
        ['evidence.0.title', 'Guidelines'],
        ['evidence.0.relation', 'supports'],
        ['evidence.1.url', ''],
        ['evidence.1.title', ''],
        ['evidence.1.relation', 'supports'],
        ['adverseEffects', 'on'],
        ['adverseEffectsDescription', 'Raids led to detention of migrants'],
      ]),
    );
    expect(input).toMatchObject({
      measures: ['policy', 'data'],
      evidence: [{ url: 'https://example.org/a', title: 'Guidelines', relation: 'supports' }],
      adverseEffects: true,
      confidence: null,
      supersedes: null,
    });
    expect(entryInputSchema.safeParse(input).success).toBe(true);
  });

  it('keeps a smuggled reporter or state so that validation refuses it by name', () => {
    const input = entryInputFromForm(form([...BASE, ['reporter', '7'], ['state', 'published']]));
    const result = entryInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues.flatMap((issue) => ('keys' in issue ? issue.keys : []))).toEqual([
        'reporter',
        'state',
      ]);
  });

  it('treats an unticked checkbox as no adverse effects and no measures', () => {
    expect(entryInputFromForm(form(BASE))).toMatchObject({
      adverseEffects: false,
      measures: [],
      evidence: [],
    });
  });

  it('validates a half-filled evidence row instead of dropping it', () => {
    const input = entryInputFromForm(
      form([
        ...BASE,
        ['evidence.0.url', ''],
        ['evidence.0.title', 'A report'],
        ['evidence.0.relation', 'context'],
      ]),
    );
    const result = entryInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['evidence', 0, 'url']);
  });

  it("stores a line break typed in a textarea once, as the browser's CRLF is not what was typed", () => {
    const input = entryInputFromForm(
      form([
        ...BASE.filter(([key]) => key !== 'narrative'),
        ['narrative', 'First line\r\nSecond line\rThird'],
      ]),
    );
    expect(input.narrative).toBe('First line\nSecond line\nThird');
  });
});
