import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Arabic is read right to left, so the app's styles say start/end, never left/right: with
 * `<html dir="rtl">` every margin, border, pinned column and alignment then mirrors by itself.
 * A declaration that must stay physical carries `/* physical: <why> *\/` on its line.
 */

const PHYSICAL_NAMES = [
  '(?:margin|padding|scroll-margin|scroll-padding)-(?:left|right)',
  'border-(?:left|right)(?:-(?:width|style|color))?',
  'border-(?:top|bottom)-(?:left|right)-radius',
  'left|right',
];
const PHYSICAL_PROPERTY = new RegExp(
  String.raw`(?:^|[\s;{])(${PHYSICAL_NAMES.join('|')})\s*:`,
  'g',
);
const PHYSICAL_VALUE = /(?:^|[\s;{])((?:text-align|float|clear)\s*:\s*(?:left|right))\b/g;
/** A four-value shorthand whose right and left values differ (`margin: 0 auto 0 1rem`). */
const SHORTHANDS = 'margin|padding|inset|border-width|border-style|border-color';
const FOUR_VALUES = String.raw`(\S+)\s+(\S+)\s+(\S+)\s+([^\s;]+)`;
const UNEVEN_SHORTHAND = new RegExp(
  String.raw`(?:^|[\s;{])((?:${SHORTHANDS})\s*:\s*${FOUR_VALUES})\s*(?:;|$)`,
  'g',
);
/** Corners named top-left…: any border-radius with more than one distinct value. */
const UNEVEN_RADIUS = /(?:^|[\s;{])(border-radius\s*:\s*([^;]+))/g;
const ALLOWED = /\/\*\s*physical:\s*\S/;

type Finding = { line: number; text: string };

/** The physical left/right declarations in a style sheet, with their 1-based line numbers. */
function physicalDeclarations(css: string): Finding[] {
  // Blank out comments (keeping line breaks) so that prose about "the right edge" is no finding.
  const code = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '));
  const marked = css.split('\n').map((line) => ALLOWED.test(line));
  return code.split('\n').flatMap((line, index) => {
    if (marked[index]) return [];
    const found = [
      ...[...line.matchAll(PHYSICAL_PROPERTY)].map((m) => m[1]),
      ...[...line.matchAll(PHYSICAL_VALUE)].map((m) => m[1]),
      ...[...line.matchAll(UNEVEN_SHORTHAND)].filter((m) => m[3] !== m[5]).map((m) => m[1]),
      ...[...line.matchAll(UNEVEN_RADIUS)]
        .filter((m) => new Set((m[2] ?? '').trim().split(/\s+/)).size > 1)
        .map((m) => m[1]),
    ];
    return found.map((text) => ({ line: index + 1, text: text ?? '' }));
  });
}

function cssFilesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return cssFilesUnder(file);
    return file.endsWith('.css') ? [file] : [];
  });
}

describe('physicalDeclarations', () => {
  it('names each left/right declaration and its line', () => {
    const css = [
      '.a {',
      '  margin-left: 1rem;',
      '  border-right-width: 2px; text-align: right;',
      '  left: 0;',
      '  float: left;',
      '  border-top-left-radius: 4px;',
      '  margin: 0 auto 0 1rem;',
      '  border-radius: 4px 0 0 4px;',
      '}',
    ].join('\n');
    expect(physicalDeclarations(css)).toEqual([
      { line: 2, text: 'margin-left' },
      { line: 3, text: 'border-right-width' },
      { line: 3, text: 'text-align: right' },
      { line: 4, text: 'left' },
      { line: 5, text: 'float: left' },
      { line: 6, text: 'border-top-left-radius' },
      { line: 7, text: 'margin: 0 auto 0 1rem' },
      { line: 8, text: 'border-radius: 4px 0 0 4px' },
    ]);
  });

  it('accepts logical properties, even shorthands, comments and a marked exception', () => {
    const css = [
      '/* covers the gap at its right edge; left: 0 in prose */',
      '.a:hover, .b.left { margin-inline-start: 1rem; inset-inline: 0; text-align: start; }',
      '.c { margin: 0 auto; padding: 1px 2px 3px 2px; border-radius: 4px; --left: 1px; }',
      '.d { top: 0; border-start-start-radius: 4px; padding-block-end: 1px; }',
      '.e { left: 50%; /* physical: centred by translate() */ }',
    ].join('\n');
    expect(physicalDeclarations(css)).toEqual([]);
  });
});

describe('the app style sheets', () => {
  const files = cssFilesUnder(path.join(__dirname, '..', 'app'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('use logical properties only, so that right-to-left pages mirror', () => {
    const findings = files.flatMap((file) =>
      physicalDeclarations(fs.readFileSync(file, 'utf8')).map(
        ({ line, text }) => `${path.relative(process.cwd(), file)}:${line}: ${text}`,
      ),
    );
    expect(findings).toEqual([]);
  });
});
