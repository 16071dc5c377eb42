/**
 * Pure helpers for reading the shipped report text: no I/O, so the app and the seed tests can
 * both use them to check that a commitment's quote is verbatim and comes from the paragraphs it
 * cites.
 */

/** Joins two non-adjacent verbatim passages inside one quote: space, [, U+2026, ], space. */
export const QUOTE_GAP = ' [\u2026] ';

/**
 * The form in which quotes are compared with the report: markdown emphasis markers (`*`, `**`,
 * `***`) removed, every run of whitespace (including line breaks) collapsed to one space, trimmed.
 * Curly quotes, dashes and spelling are left exactly as they are.
 */
export function normaliseQuote(text: string): string {
  return text.replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

/** The verbatim passages of a quote: one, or several joined with {@link QUOTE_GAP}. */
export function splitQuote(text: string): string[] {
  return text.split(QUOTE_GAP);
}

const NUMBERED_LINE = /^(\d+)\. (.*)$/;

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/**
 * A section heading ("Some concluding remarks", "Final Concluding points:") is a line standing
 * alone between blank lines that is neither a numbered paragraph nor a bullet and does not end a
 * sentence. It closes the paragraph before it, so the heading is never cited as that paragraph's
 * text. (The continuation of paragraph 11 after its blank line ends with a full stop, so it stays.)
 */
function isHeading(line: string, previous: string | undefined, next: string | undefined): boolean {
  const trimmed = line.trim();
  return (
    trimmed !== '' &&
    isBlank(previous) &&
    isBlank(next) &&
    !trimmed.startsWith('-') &&
    !NUMBERED_LINE.test(trimmed) &&
    !/[.;,]$/.test(trimmed)
  );
}

/**
 * Splits the report into its numbered paragraphs. A paragraph starts at a line beginning with
 * `N. ` and runs until the next such line (over blank lines and bullets) or a section heading.
 * Values are the raw text without the `N. ` prefix, markdown and line breaks kept, trimmed; pass
 * them through {@link normaliseQuote} to compare with quotes. Text before paragraph 1 (title
 * block, headings) belongs to no paragraph. Throws if a paragraph number occurs twice.
 */
export function parseParagraphs(reportText: string): Map<number, string> {
  const lines = reportText.split(/\r\n|\r|\n/);
  const paragraphs = new Map<number, string>();
  let current: { number: number; lines: string[] } | null = null;

  const close = (): void => {
    if (current) paragraphs.set(current.number, current.lines.join('\n').trim());
    current = null;
  };

  lines.forEach((line, index) => {
    const numbered = NUMBERED_LINE.exec(line);
    if (numbered) {
      close();
      const number = Number(numbered[1]);
      if (paragraphs.has(number)) throw new Error(`Paragraph ${number} occurs more than once`);
      current = { number, lines: [numbered[2] ?? ''] };
      return;
    }
    if (isHeading(line, lines[index - 1], lines[index + 1])) {
      close();
      return;
    }
    current?.lines.push(line);
  });
  close();
  return paragraphs;
}
