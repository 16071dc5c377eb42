/** A path on this site to return to after signing in: never `//evil.example` or `https://...`. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.length <= 2000 && /^\/(?![/\\])/.test(value) ? value : '/';
}
