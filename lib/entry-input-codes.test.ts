import { describe, expect, it } from 'vitest';
import { entryInputSchema, fieldErrorCodes, fieldErrors } from './entry-input';

const valid = {
  idempotencyKey: 'codes-test-0001',
  commitment: 'TIP-01',
  subject: 1,
  status: 'limited',
  asOf: '2025-01-15',
  summary: 'A summary',
};

function refusal(input: Record<string, unknown>) {
  const parsed = entryInputSchema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return { messages: fieldErrors(parsed.error), codes: fieldErrorCodes(parsed.error) };
}

describe('the code of each refused field, for the form to word it', () => {
  it.each([
    [{ commitment: '' }, 'commitment', 'required'],
    [{ commitment: 'tip 1' }, 'commitment', 'invalid_format'],
    [{ status: undefined }, 'status', 'invalid_choice'],
    [{ status: 'done' }, 'status', 'invalid_choice'],
    [{ asOf: '' }, 'asOf', 'required'],
    [{ asOf: '30/06/2026' }, 'asOf', 'invalid_format'],
    [{ asOf: '2026-02-30' }, 'asOf', 'not_a_date'],
    [{ asOf: '1999-12-31' }, 'asOf', 'too_early'],
    [{ asOf: '2999-01-01' }, 'asOf', 'future_date'],
    [{ summary: '  ' }, 'summary', 'required'],
    [{ summary: 'x'.repeat(301) }, 'summary', 'too_long'],
    [{ narrative: 'a\u0007b' }, 'narrative', 'control_characters'],
    [{ measures: ['prayer'] }, 'measures.0', 'invalid_choice'],
    [{ measures: ['policy', 'policy'] }, 'measures', 'repeated'],
    [
      { evidence: [{ url: '', title: 'A report', relation: 'context' }] },
      'evidence.0.url',
      'required',
    ],
    [
      { evidence: [{ url: 'ftp://example.org/a', title: 'A report', relation: 'context' }] },
      'evidence.0.url',
      'invalid_url',
    ],
    [
      { evidence: [{ url: 'https://example.org/a', title: '', relation: 'context' }] },
      'evidence.0.title',
      'required',
    ],
    [
      { evidence: [{ url: 'https://example.org/a', title: 'A report', relation: 'proves' }] },
      'evidence.0.relation',
      'invalid_choice',
    ],
    [{ confidence: 'certain' }, 'confidence', 'invalid_choice'],
    [{ reporter: 7 }, 'reporter', 'unknown_field'],
  ])('%j: %s is %s', (change, field, code) => {
    const { messages, codes } = refusal({ ...valid, ...change });
    expect(codes[field]).toBe(code);
    // The API's English message goes with the same field.
    expect(messages[field]).toEqual(expect.any(String));
  });

  it('refuses adverse effects ticked without a description, and a description without the tick, even beside other errors', () => {
    expect(
      refusal({ ...valid, status: 'done', adverseEffects: true, adverseEffectsDescription: ' ' })
        .codes,
    ).toEqual({ status: 'invalid_choice', adverseEffectsDescription: 'required' });
    const untickedWithText = refusal({
      ...valid,
      adverseEffects: false,
      adverseEffectsDescription: 'Returns without screening',
    });
    expect(untickedWithText.codes).toEqual({
      adverseEffectsDescription: 'description_without_effects',
    });
    expect(untickedWithText.messages.adverseEffectsDescription).toContain('adverseEffects');
    expect(
      entryInputSchema.safeParse({ ...valid, adverseEffects: false, adverseEffectsDescription: '' })
        .success,
    ).toBe(true);
  });
});
