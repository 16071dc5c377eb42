import { formFieldText, setOwn } from './text-integrity';

/**
 * Form data of the log-progress form as the object the entry schema validates. Every field the
 * form did not define is passed through, so the schema refuses it by name rather than dropping it
 * (even `__proto__`, which the data layer's boundary check refuses: lib/text-integrity.ts).
 */
export const EVIDENCE_ROWS = 5;

export function entryInputFromForm(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const evidence = new Map<number, Record<string, string>>();
  for (const [key, raw] of form.entries()) {
    if (key.startsWith('$ACTION')) continue; // Next's own fields for server actions
    const value = formFieldText(raw);
    const row = /^evidence\.(\d+)\.(url|title|relation)$/.exec(key);
    if (row) {
      const index = Number(row[1]);
      evidence.set(index, { ...evidence.get(index), [row[2] as string]: value.trim() });
      continue;
    }
    if (key === 'measures') {
      input.measures = [...((input.measures as string[] | undefined) ?? []), value];
      continue;
    }
    setOwn(input, key, value);
  }
  input.measures ??= [];
  input.adverseEffects = input.adverseEffects === 'on' || input.adverseEffects === 'true';
  for (const key of ['confidence', 'adverseEffectsDescription', 'supersedes'] as const) {
    if (input[key] === '' || input[key] === undefined) input[key] = null;
  }
  // Empty evidence rows are blank lines in the form, not links; a half-filled row is validated.
  input.evidence = [...evidence.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, link]) => link)
    .filter((link) => Boolean(link.url || link.title))
    .map((link) => ({
      url: link.url ?? '',
      title: link.title ?? '',
      relation: link.relation || 'supports',
    }));
  return input;
}
