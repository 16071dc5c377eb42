import { describe, expect, it } from 'vitest';
import { entryInputSchema, fieldErrors } from './entry-input';

const valid = {
  idempotencyKey: 'ids-test-0001',
  commitment: 'TIP-01',
  subject: 1,
  status: 'limited',
  asOf: '2025-01-15',
  summary: 'A summary',
};

describe('ids in an entry (found by the bad-input corpus)', () => {
  it('accepts a positive whole number, or its digits from a form field', () => {
    expect(entryInputSchema.safeParse(valid).success).toBe(true);
    expect(
      entryInputSchema.safeParse({ ...valid, subject: '1', supersedes: '12' }).data,
    ).toMatchObject({ subject: 1, supersedes: 12 });
  });

  it.each([
    true,
    false,
    '0x10',
    '1e3',
    '',
    ' ',
    [1],
    { id: 1 },
    0,
    -1,
    1.5,
    '99999999999999999999',
  ])('refuses %j as the subject, naming the field', (subject) => {
    const parsed = entryInputSchema.safeParse({ ...valid, subject });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrors(parsed.error)).toHaveProperty('subject');
  });

  it('refuses a boolean as the entry a correction supersedes', () => {
    const parsed = entryInputSchema.safeParse({ ...valid, supersedes: true });
    expect(parsed.success).toBe(false);
  });
});
