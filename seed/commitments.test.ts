import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUTY_BEARERS, RIGHTS_HOLDERS, SDG_TARGETS, THEMES } from '../lib/taxonomy';
import { COMMITMENTS } from './commitments';
import { GCM_OBJECTIVE_TITLES, SDG_TARGET_TITLES } from './reference';
import { normaliseQuote, parseParagraphs, QUOTE_GAP, splitQuote } from './report-text';
import { REPORT } from './source-document';

const REPORT_PATH = 'seed/source/gcm-thematic-session-5-expert-report.txt';
const reportText = readFileSync(join(process.cwd(), REPORT_PATH), 'utf8');
const normalisedReport = normaliseQuote(reportText);
const paragraphs = new Map(
  [...parseParagraphs(reportText)].map(([n, text]) => [n, normaliseQuote(text)]),
);

/** Paragraphs that ask someone to act; 1, 7 and 8 are findings (overlap exists, progress made, innovation seen). */
const ACTIONABLE_PARAGRAPHS = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];

const CODE_FORMAT = /^[A-Z]+-[0-9]+$/;

function label(code: string, what: string): string {
  return `${code}: ${what}`;
}

describe('the report text', () => {
  it('is the file the source document points to, and that file exists', () => {
    expect(REPORT.textFile).toBe(REPORT_PATH);
    expect(existsSync(join(process.cwd(), REPORT.textFile))).toBe(true);
  });

  it('parses into paragraphs 1 to 21, in order, none empty', () => {
    expect([...paragraphs.keys()]).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (const text of paragraphs.values()) expect(text.length).toBeGreaterThan(0);
  });

  it('keeps paragraph 11 whole across its blank line', () => {
    expect(paragraphs.get(11)).toContain(
      'There may be good strategic reasons to use more casual language',
    );
  });
});

describe('COMMITMENTS', () => {
  it('has at least 20 commitments', () => {
    expect(COMMITMENTS.length).toBeGreaterThanOrEqual(20);
  });

  it('has unique codes of the form PREFIX-NN', () => {
    const codes = COMMITMENTS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code, code).toMatch(CODE_FORMAT);
      expect(code, code).toMatch(/-\d{2}$/);
    }
  });

  it('numbers codes 01, 02, ... within each prefix, in report order', () => {
    const next = new Map<string, number>();
    let previousParagraph = 0;
    for (const { code, paragraphs: cited } of COMMITMENTS) {
      const [prefix = '', number = ''] = code.split('-');
      const expected = (next.get(prefix) ?? 0) + 1;
      expect(Number(number), label(code, 'number within its prefix')).toBe(expected);
      next.set(prefix, expected);
      const first = cited[0] ?? 0;
      expect(first, label(code, 'listed in report order')).toBeGreaterThanOrEqual(
        previousParagraph,
      );
      previousParagraph = first;
    }
  });

  it('cites existing paragraphs, ascending and without repeats', () => {
    for (const { code, paragraphs: cited } of COMMITMENTS) {
      expect(cited.length, label(code, 'cites a paragraph')).toBeGreaterThan(0);
      expect(cited, label(code, 'ascending, unique')).toEqual(
        [...new Set(cited)].sort((a, b) => a - b),
      );
      for (const n of cited)
        expect(paragraphs.has(n), label(code, `paragraph ${n} exists`)).toBe(true);
    }
  });

  it('quotes the report verbatim, each passage within a paragraph it cites', () => {
    for (const { code, text, paragraphs: cited } of COMMITMENTS) {
      const parts = splitQuote(text);
      const used = new Set<number>();
      let cursor = 0;
      for (const part of parts) {
        expect(part.length, label(code, 'no empty passage')).toBeGreaterThan(0);
        expect(part, label(code, 'already in normalised form')).toBe(normaliseQuote(part));
        expect(part.includes('…'), label(code, 'no ellipsis left inside a passage')).toBe(false);
        expect(part.startsWith('- '), label(code, 'no bullet marker')).toBe(false);
        expect(normalisedReport, label(code, `"${part}" is in the report`)).toContain(part);

        const found = cited.filter((n) => paragraphs.get(n)?.includes(part));
        expect(found.length, label(code, `"${part}" is in a cited paragraph`)).toBeGreaterThan(0);
        for (const n of found) used.add(n);

        const at = normalisedReport.indexOf(part, cursor);
        expect(at, label(code, `"${part}" follows the previous passage`)).toBeGreaterThanOrEqual(0);
        cursor = at + part.length;
      }
      expect(
        [...used].sort((a, b) => a - b),
        label(code, 'every cited paragraph is quoted'),
      ).toEqual(cited);
    }
  });

  it('joins passages only with the bracketed ellipsis', () => {
    for (const { code, text } of COMMITMENTS) {
      const gaps = text.split('[…]').length - 1;
      expect(splitQuote(text).length - 1, label(code, `uses "${QUOTE_GAP}" exactly`)).toBe(gaps);
      expect(text.includes('...'), label(code, 'no three-dot ellipsis')).toBe(false);
    }
  });

  it('cites every actionable paragraph', () => {
    const cited = new Set(COMMITMENTS.flatMap((c) => c.paragraphs));
    for (const n of ACTIONABLE_PARAGRAPHS)
      expect(cited.has(n), `paragraph ${n} is cited`).toBe(true);
  });

  it('tags every commitment from the fixed vocabularies, at least one of each', () => {
    for (const c of COMMITMENTS) {
      expect(THEMES, label(c.code, 'theme')).toContain(c.theme);

      const lists = {
        dutyBearers: [c.dutyBearers, DUTY_BEARERS],
        rightsHolders: [c.rightsHolders, RIGHTS_HOLDERS],
        sdgTargets: [c.sdgTargets, SDG_TARGETS],
      } as const;
      for (const [name, [values, vocabulary]] of Object.entries(lists)) {
        expect(values.length, label(c.code, `${name} non-empty`)).toBeGreaterThan(0);
        expect(new Set(values).size, label(c.code, `${name} without repeats`)).toBe(values.length);
        for (const value of values)
          expect(vocabulary as readonly string[], label(c.code, name)).toContain(value);
      }

      expect(c.gcmObjectives.length, label(c.code, 'gcmObjectives non-empty')).toBeGreaterThan(0);
      expect(new Set(c.gcmObjectives).size, label(c.code, 'gcmObjectives without repeats')).toBe(
        c.gcmObjectives.length,
      );
      for (const objective of c.gcmObjectives) {
        expect(
          Number.isInteger(objective),
          label(c.code, `objective ${objective} is an integer`),
        ).toBe(true);
        expect(objective, label(c.code, 'objective >= 1')).toBeGreaterThanOrEqual(1);
        expect(objective, label(c.code, 'objective <= 23')).toBeLessThanOrEqual(23);
      }
    }
  });

  it('has short, non-empty titles and no emphasis markers in the text', () => {
    for (const { code, title, text } of COMMITMENTS) {
      expect(title.trim().length, label(code, 'title non-empty')).toBeGreaterThan(0);
      expect(
        title.length,
        label(code, `title "${title}" at most 90 characters`),
      ).toBeLessThanOrEqual(90);
      expect(text.includes('*'), label(code, 'no * in text')).toBe(false);
    }
  });
});

describe('reference titles', () => {
  const reference = readFileSync(join(process.cwd(), 'seed/source/gcm-objectives.md'), 'utf8');
  const rows = (pattern: RegExp) =>
    [...reference.matchAll(pattern)].map((m) => [m[1], m[2]] as const);

  it('copies all 23 GCM objective titles exactly', () => {
    const objectives = rows(/^\| (\d+) \| (.+?) \|$/gm);
    expect(objectives).toHaveLength(23);
    expect(Object.keys(GCM_OBJECTIVE_TITLES)).toHaveLength(23);
    for (const [number, title] of objectives)
      expect(GCM_OBJECTIVE_TITLES[Number(number)]).toBe(title);
  });

  it('titles every SDG target of the taxonomy, as in the reference', () => {
    const targets = new Map(rows(/^\| (\d+\.\d+) \| (.+?) \|$/gm));
    expect(Object.keys(SDG_TARGET_TITLES).sort()).toEqual([...SDG_TARGETS].sort());
    for (const target of SDG_TARGETS) expect(SDG_TARGET_TITLES[target]).toBe(targets.get(target));
  });
});
