/**
 * The messages each screen's client components read, so a page's hydration data carries those
 * and not the whole catalogue on every page. A provider replaces its parent's messages,
 * so each set repeats what the root's client components need (the error boundary).
 * lib/i18n/client-namespaces.test.ts checks that every namespace a client component reads is here.
 */

/** What client components anywhere under the root layout read: app/[locale]/error.tsx. */
const ROOT = ['errors'] as const;

/** The chart components (app/_components/charts): their strings, the status names, the app's name for a saved image. */
const CHARTS = ['charts', 'status', 'app'] as const;

export const CLIENT_NAMESPACES = {
  root: [...ROOT],
  /** app/[locale]/(public)/(overview): the dashboard, its filters, the matrix, the charts and download links. */
  overview: [
    ...ROOT,
    ...CHARTS,
    'dashboard',
    'matrix',
    'theme',
    'actorKind',
    'actorKindPlural',
    'present.open',
    'data.downloads',
    'rounds.filter',
    'rounds.filterAny',
    'rounds.filterInWords',
  ],
  /** app/[locale]/(public)/present: the slides, with the dashboard's labels and the charts. */
  present: [...ROOT, ...CHARTS, 'present', 'dashboard', 'theme', 'actorKind', 'actorKindPlural'],
  /** An actor's or a commitment's page: the pair status charts. */
  pairs: [...ROOT, ...CHARTS, 'pairs'],
  signIn: [...ROOT, 'auth'],
  /** The signed-in workspace's forms: entries, import, account, tokens, users and the admin forms. */
  workspace: [
    ...ROOT,
    'auth',
    'admin.form',
    'api.tokens',
    'data.import',
    'entryForm',
    'measure',
    'relation',
    'status',
  ],
} as const satisfies Record<string, readonly string[]>;

export type ClientScreen = keyof typeof CLIENT_NAMESPACES;

type Messages = Record<string, unknown>;

/** The messages under the given paths (`'data.import'` is the `import` key of `data`), nothing else. */
export function pickMessages(messages: Messages, paths: readonly string[]): Messages {
  const picked: Messages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let value: unknown = messages;
    for (const key of keys)
      value = value !== null && typeof value === 'object' ? (value as Messages)[key] : undefined;
    if (value === undefined) continue;
    let to = picked;
    for (const key of keys.slice(0, -1)) to = (to[key] ??= {}) as Messages;
    to[keys.at(-1) as string] = value;
  }
  return picked;
}
