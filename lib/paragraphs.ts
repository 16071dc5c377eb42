/** "9", "13-14", "2-3, 6": a citation as a reader expects it, from ascending paragraph numbers. */
export function formatParagraphs(paragraphs: readonly number[]): string {
  const sorted = [...new Set(paragraphs)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const paragraph of sorted.slice(1)) {
    if (previous !== undefined && paragraph === previous + 1) {
      previous = paragraph;
      continue;
    }
    if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = paragraph;
    previous = paragraph;
  }
  if (start !== undefined) ranges.push(start === previous ? `${start}` : `${start}-${previous}`);
  return ranges.join(', ');
}
