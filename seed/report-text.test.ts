import { describe, expect, it } from 'vitest';
import { normaliseQuote, parseParagraphs, QUOTE_GAP, splitQuote } from './report-text';

describe('normaliseQuote', () => {
  it('removes markdown emphasis markers of any depth', () => {
    expect(normaliseQuote('we need **links** and *care* that ***do no harm***')).toBe(
      'we need links and care that do no harm',
    );
  });

  it('collapses runs of whitespace, including line breaks, and trims', () => {
    expect(normaliseQuote('  good strategic\n\nreasons \t to  use ')).toBe(
      'good strategic reasons to use',
    );
  });

  it('keeps curly quotes, dashes and spelling as they are', () => {
    const text = 'opportunities for “safe” migration – States’ obligations; work tougher';
    expect(normaliseQuote(text)).toBe(text);
  });
});

describe('splitQuote', () => {
  it('splits on the bracketed ellipsis only', () => {
    expect(QUOTE_GAP).toBe(' [\u2026] ');
    expect(splitQuote('This requires [\u2026] a commitment.')).toEqual([
      'This requires',
      'a commitment.',
    ]);
    expect(splitQuote('one passage, no gap')).toEqual(['one passage, no gap']);
  });
});

describe('parseParagraphs', () => {
  const sample = [
    'REPORT TITLE',
    '',
    'Section heading',
    '',
    '1. First **paragraph**.',
    '',
    '2. Second paragraph with a list:',
    '',
    '- one;',
    '- two.',
    '',
    '3. Third paragraph runs on over a good strategic',
    '',
    'reasons to continue.',
    '',
    'Some concluding remarks',
    '',
    '4. Fourth.',
    '5. Fifth follows without a blank line.',
  ].join('\n');

  it('numbers paragraphs from lines starting with "N. " and drops the prefix', () => {
    const paragraphs = parseParagraphs(sample);
    expect([...paragraphs.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(paragraphs.get(1)).toBe('First **paragraph**.');
    expect(paragraphs.get(4)).toBe('Fourth.');
    expect(paragraphs.get(5)).toBe('Fifth follows without a blank line.');
  });

  it('keeps bullets and continuation lines after blank lines', () => {
    const paragraphs = parseParagraphs(sample);
    expect(normaliseQuote(paragraphs.get(2) ?? '')).toBe(
      'Second paragraph with a list: - one; - two.',
    );
    expect(normaliseQuote(paragraphs.get(3) ?? '')).toBe(
      'Third paragraph runs on over a good strategic reasons to continue.',
    );
  });

  it('does not count section headings or the title block as paragraph text', () => {
    const paragraphs = parseParagraphs(sample);
    for (const text of paragraphs.values()) {
      expect(text).not.toContain('Some concluding remarks');
      expect(text).not.toContain('REPORT TITLE');
      expect(text).not.toContain('Section heading');
    }
  });

  it('accepts Windows line endings', () => {
    expect(parseParagraphs('1. One\r\nline.\r\n2. Two.').get(1)).toBe('One\nline.');
  });

  it('rejects a paragraph number that occurs twice', () => {
    expect(() => parseParagraphs('1. One.\n1. Again.')).toThrow(/Paragraph 1/);
  });
});
