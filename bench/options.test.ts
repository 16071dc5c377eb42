import { describe, expect, it } from 'vitest';
import { parseOptions } from './options';

describe('bench options', () => {
  it('a plain run measures 1,000,000 entries, grows from a quarter, and rewrites the docs table', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({ entries: 1_000_000, growthEntries: 250_000, docs: true });
    expect(options.only).toBeNull();
    expect(options.db).toBeNull();
    expect(options.distDir).toBe('bench/.tmp/next');
  });

  it('--only selects scenarios by a case-insensitive pattern and leaves the docs alone', () => {
    const options = parseOptions(['--only', 'overview|API entries']);
    expect(options.only?.test('Overview, signed in')).toBe(true);
    expect(options.only?.test('API entries, deep page')).toBe(true);
    expect(options.only?.test('commitment page')).toBe(false);
    expect(options.docs).toBe(false);
    expect(parseOptions(['--only=overview', '--docs']).docs).toBe(true);
  });

  it('--db measures an existing database with no growth size', () => {
    const options = parseOptions(['--db', '/tmp/copy.db', '--no-browser']);
    expect(options).toMatchObject({ db: '/tmp/copy.db', growthEntries: 0, browser: false });
  });

  it('a small run (the smoke run) does not touch the docs unless asked', () => {
    expect(parseOptions(['--entries', '5000']).docs).toBe(false);
    expect(parseOptions(['--entries', '5_000', '--docs']).docs).toBe(true);
    expect(parseOptions(['--entries', '1000000', '--no-docs']).docs).toBe(false);
  });

  it('refuses unknown options, bad numbers and bad patterns with the usage', () => {
    expect(() => parseOptions(['--entrys', '5'])).toThrow(/Unknown option.*\n.*npm run bench/s);
    expect(() => parseOptions(['--duration', 'soon'])).toThrow(/bad value/);
    expect(() => parseOptions(['--only', '(unclosed'])).toThrow(/not a regular expression/);
    expect(() => parseOptions(['--db'])).toThrow(/--db needs a value/);
  });
});
