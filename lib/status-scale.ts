/**
 * The one implementation status scale (docs/design.md#status-scale). Labels live in the message catalogue
 * under `status.<key>`; colours, patterns and scores live here and nowhere else.
 */
export const STATUS_KEYS = [
  'not_started',
  'limited',
  'substantial',
  'complete',
  'regressed',
  'unable_to_assess',
] as const;

export type StatusKey = (typeof STATUS_KEYS)[number];

/**
 * The one symbol for "no report" (not a status, so not in STATUS_SCALE) wherever statuses are
 * shown by symbol: charts, tables, the matrix and meeting mode. Its words are `charts.noReport`.
 */
export const NO_REPORT_SYMBOL = '–';

export interface StatusDefinition {
  key: StatusKey;
  /** Mean-able score; null means excluded from scores. */
  score: number | null;
  /** Position on the progress ladder, for "differs by two steps"; null when off the ladder. */
  step: number | null;
  /** Okabe-Ito derived, colour-blind safe; always paired with a label or pattern. */
  colour: string;
  /** Text colour that reaches 4.5:1 on `colour`. */
  textColour: string;
  /** A short symbol shown beside the colour so colour never carries meaning alone. */
  symbol: string;
  flagged: boolean;
}

export const STATUS_SCALE: Record<StatusKey, StatusDefinition> = {
  not_started: {
    key: 'not_started',
    score: 0,
    step: 0,
    colour: '#E69F00',
    textColour: '#000000',
    symbol: '○',
    flagged: false,
  },
  limited: {
    key: 'limited',
    score: 1 / 3,
    step: 1,
    colour: '#F0E442',
    textColour: '#000000',
    symbol: '◔',
    flagged: false,
  },
  substantial: {
    key: 'substantial',
    score: 2 / 3,
    step: 2,
    colour: '#56B4E9',
    textColour: '#000000',
    symbol: '◑',
    flagged: false,
  },
  complete: {
    key: 'complete',
    score: 1,
    step: 3,
    colour: '#009E73',
    textColour: '#000000',
    symbol: '●',
    flagged: false,
  },
  regressed: {
    key: 'regressed',
    score: 0,
    step: 0,
    colour: '#D55E00',
    textColour: '#000000',
    symbol: '▼',
    flagged: true,
  },
  unable_to_assess: {
    key: 'unable_to_assess',
    score: null,
    step: null,
    colour: '#BBBBBB',
    textColour: '#000000',
    symbol: '?',
    flagged: false,
  },
};

export function isStatusKey(value: string): value is StatusKey {
  return (STATUS_KEYS as readonly string[]).includes(value);
}
