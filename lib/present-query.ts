/**
 * Meeting mode's address, checked: the dashboard's filters through the one vocabulary
 * (lib/query-params.ts) plus the slide and the presentation's settings. Server side only, so the
 * deck's JavaScript carries no schema library (lib/present.ts presentState reads back its own URLs).
 */
import { z } from 'zod';
import {
  DASHBOARD_PARAMETERS,
  parseQuery,
  type DashboardQuery,
  type ParameterError,
} from './query-params';
import { presentState, type PresentSettings } from './present';

/** Parameters of the presentation itself, beside the dashboard's filters. */
const SETTINGS_SCHEMA = {
  slide: z.string().regex(/^[a-z]+(-[A-Za-z0-9]+)*$/, 'must be a slide name such as matrix-2'),
  contrast: z.enum(['high'], { error: 'must be high, or absent for the normal theme' }),
  perCommitment: z.enum(['yes'], { error: 'must be yes, or absent for no slide per commitment' }),
} as const;
export const PRESENT_SETTINGS = Object.keys(SETTINGS_SCHEMA) as (keyof typeof SETTINGS_SCHEMA)[];

export type PresentQuery =
  | { ok: true; filters: DashboardQuery; settings: PresentSettings; slide: string | undefined }
  | { ok: false; errors: ParameterError[] };

export function parsePresentQuery(
  input: URLSearchParams | Record<string, string | string[] | undefined>,
): PresentQuery {
  const params = input instanceof URLSearchParams ? input : toSearchParams(input);
  const filterParams = new URLSearchParams();
  const seen = new Set<string>();
  const errors: ParameterError[] = [];
  params.forEach((value, key) => {
    if (!(PRESENT_SETTINGS as string[]).includes(key)) return filterParams.append(key, value);
    if (seen.has(key)) return errors.push({ parameter: key, message: 'is given more than once' });
    seen.add(key);
    if (value.trim() === '') return;
    const result = SETTINGS_SCHEMA[key as keyof typeof SETTINGS_SCHEMA].safeParse(value);
    if (!result.success)
      errors.push({ parameter: key, message: result.error.issues[0]?.message ?? 'is not valid' });
  });
  const filters = parseQuery(filterParams, DASHBOARD_PARAMETERS);
  if (!filters.ok)
    errors.unshift(
      ...filters.errors.map((error) =>
        error.message.startsWith('is not a parameter')
          ? { ...error, message: `${error.message}, ${PRESENT_SETTINGS.join(', ')}` }
          : error,
      ),
    );
  if (!filters.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, filters: filters.value, ...presentState(params) };
}

function toSearchParams(input: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value])
      params.append(key, one);
  }
  return params;
}
