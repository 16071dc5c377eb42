import { describe, expect, it } from 'vitest';
import {
  ACTOR_LIST_PARAMETERS,
  COMMITMENT_LIST_PARAMETERS,
  ENTRY_LIST_PARAMETERS,
  parseQuery,
} from './query-params';

describe('parseQuery', () => {
  it('parses and coerces known parameters', () => {
    const result = parseQuery(
      new URLSearchParams('theme=trafficking&objective=10&sdg=8.7&q=%20demand%20'),
      COMMITMENT_LIST_PARAMETERS,
    );
    expect(result).toEqual({
      ok: true,
      value: { theme: 'trafficking', objective: 10, sdg: '8.7', q: 'demand' },
    });
  });

  it('treats empty values as not set, as a submitted filter form sends them', () => {
    expect(parseQuery({ theme: '', q: '' }, COMMITMENT_LIST_PARAMETERS)).toEqual({
      ok: true,
      value: {},
    });
  });

  it('names the parameter whose value is unknown', () => {
    const result = parseQuery(new URLSearchParams('theme=space'), COMMITMENT_LIST_PARAMETERS);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.parameter).toBe('theme');
      expect(result.errors[0]?.message).toContain('must be one of');
    }
  });

  it('refuses a parameter the resource does not take, naming it', () => {
    const result = parseQuery(new URLSearchParams('kind=state&colour=red'), ACTOR_LIST_PARAMETERS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.parameter)).toEqual(['colour']);
  });

  it('refuses objectives outside 1-23 and non-numbers', () => {
    for (const raw of ['0', '24', '2.5', 'ten']) {
      const result = parseQuery(
        new URLSearchParams({ objective: raw }),
        COMMITMENT_LIST_PARAMETERS,
      );
      expect(result.ok, raw).toBe(false);
    }
  });

  it('refuses impossible dates and an inverted range', () => {
    const bad = parseQuery(new URLSearchParams('from=2021-02-30'), ENTRY_LIST_PARAMETERS);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.parameter).toBe('from');
    const inverted = parseQuery(
      new URLSearchParams('from=2022-01-01&to=2021-01-01'),
      ENTRY_LIST_PARAMETERS,
    );
    expect(inverted.ok).toBe(false);
    if (!inverted.ok) expect(inverted.errors[0]?.parameter).toBe('to');
  });

  it('bounds page sizes and refuses repeated parameters', () => {
    expect(parseQuery(new URLSearchParams('limit=500'), ENTRY_LIST_PARAMETERS).ok).toBe(false);
    expect(parseQuery(new URLSearchParams('limit=0'), ENTRY_LIST_PARAMETERS).ok).toBe(false);
    expect(
      parseQuery(new URLSearchParams('status=complete&status=limited'), ENTRY_LIST_PARAMETERS).ok,
    ).toBe(false);
    expect(parseQuery(new URLSearchParams('page=2&limit=20'), ENTRY_LIST_PARAMETERS)).toEqual({
      ok: true,
      value: { page: 2, limit: 20 },
    });
  });
});
