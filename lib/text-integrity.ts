/**
 * Text that reaches the database is well-formed Unicode, and a value parsed from JSON carries no
 * key that means something to JavaScript objects. Every write boundary (the JSON API's body, the
 * forms' input as the data layer takes it, each row of an imported file) walks its parsed value
 * with `textIntegrityErrors` before any schema sees it; the schemas' text builders refuse
 * ill-formed strings too, as a last line.
 *
 * One-line fields (names, titles, summaries, codes) refuse the bidirectional embedding, override
 * and isolate controls, which could make a name reorder the text shown around it; long text keeps
 * them (a quotation in Arabic or Hebrew may need them) and is shown isolated (`.user-text`).
 */

/** Keys that name an object's prototype machinery: refused wherever a parsed value may carry them. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** A surrogate code unit not part of a pair: with the `u` flag, pairs are matched as one code point. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). The marks (U+200E,
 * U+200F, U+061C) are allowed: they only set the direction of neighbouring punctuation, reorder
 * nothing beyond it, and names written in right-to-left scripts legitimately contain them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export const ILL_FORMED_MESSAGE =
  'must be valid Unicode text: it contains a broken character (a lone surrogate)';
export const BIDI_MESSAGE =
  'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)';

/** Well-formed UTF-16, as String.prototype.isWellFormed (Node 20) says. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Free of the bidirectional controls a one-line field refuses. */
export function hasNoBidiControls(value: string): boolean {
  return !BIDI_CONTROLS.test(value);
}

const forbiddenKeyMessage = (key: string) => `has a field named "${key}", which is not allowed`;

/**
 * The first problem in a parsed value (JSON body, form input, an imported row): an ill-formed
 * string, or an object key that is ill-formed or forbidden. The field is named by its path
 * (`evidence.0.title`); a key's problem by the object holding it (`body` at the top), so the
 * error object itself never has a key such as `__proto__`. Iterative: however deeply a body nests,
 * the walk cannot overflow the stack. Null when the value is clean.
 */
export function textIntegrityErrors(value: unknown, root = 'body'): Record<string, string> | null {
  // Each value knows its parent and key, and its path is spelled out only when it is reported:
  // copying a path at every level would cost the square of a deeply nested body's depth.
  type Node = { value: unknown; parent: Node | null; key: string };
  const fieldOf = (node: Node) => {
    const keys: string[] = [];
    for (let at: Node | null = node; at?.parent; at = at.parent) keys.push(at.key);
    return keys.length > 0 ? keys.reverse().join('.') : root;
  };
  const pending: Node[] = [{ value, parent: null, key: '' }];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const node = pending.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) return errorAt(fieldOf(node), ILL_FORMED_MESSAGE);
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index -= 1)
        pending.push({ value: current[index], parent: node, key: String(index) });
      continue;
    }
    // Own keys only: what JSON.parse, a form or a CSV row put there.
    const keys = Object.keys(current);
    for (const key of keys) {
      if (!isWellFormedText(key))
        return errorAt(fieldOf(node), 'has a field name that is not valid Unicode text');
      if (FORBIDDEN_KEYS.includes(key)) return errorAt(fieldOf(node), forbiddenKeyMessage(key));
    }
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index]!;
      pending.push({ value: (current as Record<string, unknown>)[key], parent: node, key });
    }
  }
  return null;
}

/** Refusals of one-line fields that hold bidirectional controls, by field name; null when none. */
export function bidiControlErrors(
  fields: Record<string, string | null | undefined>,
): Record<string, string> | null {
  const errors = Object.entries(fields).filter(
    ([, value]) => typeof value === 'string' && !hasNoBidiControls(value),
  );
  return errors.length > 0
    ? Object.fromEntries(errors.map(([field]) => [field, BIDI_MESSAGE]))
    : null;
}

/** A one-entry error object, built so that no field name can reach an object's prototype. */
function errorAt(field: string, message: string): Record<string, string> {
  return Object.fromEntries([[field, message]]);
}

/**
 * Sets a parsed form field as the object's own property, whatever its name: a plain assignment of
 * `__proto__` would silently drop it, where the boundary check above must see it to refuse it.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A form field's text as the person typed it: browsers send a textarea's line breaks as CRLF
 * (HTML form submission), so they are stored as the single line breaks the JSON API would send.
 */
export function formFieldText(raw: FormDataEntryValue): string {
  return typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n') : '';
}
