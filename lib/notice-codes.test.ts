import { describe, expect, it } from 'vitest';
import { knownCode, refusalCode, REFUSAL_CODES } from './notice-codes';

describe('refusal codes', () => {
  it('name an archived reporter, commitment or subject when the data layer refuses with a conflict naming it', () => {
    expect(refusalCode({ status: 409, fieldErrors: { reporter: 'was archived' } })).toBe(
      'archived_reporter',
    );
    expect(refusalCode({ status: 409, fieldErrors: { commitment: 'was archived' } })).toBe(
      'archived_commitment',
    );
    expect(refusalCode({ status: 409, fieldErrors: { subject: 'was archived' } })).toBe(
      'archived_subject',
    );
  });

  it('name the field of a refused note, reason or missing confidence', () => {
    expect(
      refusalCode({
        status: 400,
        fieldErrors: { confidence: 'is required for an independent assessment' },
      }),
    ).toBe('confidence_required');
    expect(refusalCode({ status: 400, fieldErrors: { note: 'is required' } })).toBe('invalid_note');
    expect(
      refusalCode({ status: 400, fieldErrors: { reason: 'must be at most 2000 characters' } }),
    ).toBe('invalid_reason');
  });

  it('fall back to the kind of refusal, and never to a field named like an object property', () => {
    expect(refusalCode({ status: 403 })).toBe('forbidden');
    expect(refusalCode({ status: 404 })).toBe('not_found');
    expect(refusalCode({ status: 409 })).toBe('conflict');
    expect(
      refusalCode({
        status: 400,
        fieldErrors: { constructor: 'x', __proto__: 'y', summary: 'is required' },
      }),
    ).toBe('invalid');
    expect(refusalCode({ status: 418 })).toBe('invalid');
  });

  it('are read back from a URL only when known: text, lists and unknown codes are nothing', () => {
    expect(knownCode(REFUSAL_CODES, 'forbidden')).toBe('forbidden');
    expect(knownCode(REFUSAL_CODES, 'Your account is suspended')).toBeNull();
    expect(knownCode(REFUSAL_CODES, ['forbidden'])).toBeNull();
    expect(knownCode(REFUSAL_CODES, 'constructor')).toBeNull();
    expect(knownCode(REFUSAL_CODES, undefined)).toBeNull();
  });
});
