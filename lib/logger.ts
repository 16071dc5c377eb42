/**
 * Structured logs: one JSON line per event on stderr, with the request id that the user sees on
 * the error page and in the X-Request-Id header. Secrets never reach the line: tokens, cookies and
 * passwords in a message are masked, and request bodies and headers are never logged.
 */
export type LogLevel = 'error' | 'warn' | 'info';

export interface LogEvent {
  level: LogLevel;
  message: string;
  requestId?: string | null;
  route?: string | null;
  method?: string | null;
  /** The hash Next.js shows a browser for a server error, to find the line from it too. */
  digest?: string | null;
  /** The kind of error (its class name), never its stack or data. */
  errorName?: string | null;
  /** Where it happened: the top frames of the stack, on one line, for the operator only. */
  at?: string | null;
}

const SECRET_PATTERNS: [RegExp, string][] = [
  [/(bearer\s+)[^\s"',;]+/gi, '$1[redacted]'],
  [
    /((?:password|passwd|secret|token|cookie|authorization|api[_-]?key)["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi,
    '$1[redacted]',
  ],
  [/\bct_[A-Za-z0-9_-]{16,}/g, '[redacted-token]'],
];

/** Masks anything that looks like a credential. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce(
    (masked, [pattern, replacement]) => masked.replace(pattern, replacement),
    text,
  );
}

const MAX_MESSAGE = 2000;

/** The log line for an event, as one line of JSON (newlines inside strings are escaped by JSON). */
export function formatLogLine(event: LogEvent, time: Date = new Date()): string {
  const line: Record<string, string> = { time: time.toISOString(), level: event.level };
  const fields: [string, string | null | undefined][] = [
    ['requestId', event.requestId],
    ['method', event.method],
    ['route', event.route],
    ['message', event.message],
    ['errorName', event.errorName],
    ['digest', event.digest],
    ['at', event.at],
  ];
  for (const [name, value] of fields)
    if (value) line[name] = redact(String(value)).slice(0, MAX_MESSAGE);
  return JSON.stringify(line);
}

/** The first frames of a stack below its message, joined on one line. */
function frames(stack: string | undefined): string | null {
  if (!stack) return null;
  const lines = stack
    .split('\n')
    .filter((line) => /^\s+at\s/.test(line))
    .slice(0, 5);
  return lines.length > 0 ? lines.map((line) => line.trim()).join(' < ') : null;
}

export function errorEvent(
  error: unknown,
  context: Omit<LogEvent, 'level' | 'message' | 'errorName' | 'at'>,
): LogEvent {
  const known = error instanceof Error ? error : null;
  const digest =
    context.digest ??
    (typeof (error as { digest?: unknown })?.digest === 'string'
      ? (error as { digest: string }).digest
      : null);
  return {
    level: 'error',
    message: known ? known.message : String(error),
    errorName: known ? known.name : typeof error,
    at: frames(known?.stack),
    ...context,
    digest,
  };
}

export function log(event: LogEvent): void {
  console.error(formatLogLine(event));
}

export function logError(
  error: unknown,
  context: Omit<LogEvent, 'level' | 'message' | 'errorName' | 'at'> = {},
): void {
  log(errorEvent(error, context));
}
