/**
 * Sentence templates and word pools for the fictitious demo workspace (seed/demo.ts). Placeholders
 * in braces are filled by `fill`: {actor} the subject, {reporter} the reporter, {topic} the
 * commitment's topic, {year}, {next} the following year, {end} four years on, {status} a status in words.
 */
import { isContested } from '../lib/rollup';
import { STATUS_SCALE, type StatusKey } from '../lib/status-scale';
import { MEASURES, type ActorKind, type Measure, type Theme } from '../lib/taxonomy';
import type { EntrySeed, EvidenceLink } from './types';

export function fill(template: string, vars: Record<string, string | number>): string {
  const text = template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`demo text: no value for {${name}} in "${template}"`);
    return String(value);
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A status in words, for sentences ("limited progress"). */
export const STATUS_WORDS: Record<StatusKey, string> = {
  not_started: 'no progress',
  limited: 'limited progress',
  substantial: 'substantial progress',
  complete: 'full implementation',
  regressed: 'a regression',
  unable_to_assess: 'no assessable status',
};

/**
 * What each of the report's commitments (seed/commitments.ts) is about, in words that fit its
 * text: an entry's summary and narrative name it ("Measures on {topic} in place").
 */
export const COMMITMENT_TOPICS: Readonly<Record<string, string>> = {
  'LNK-01': 'recognising the links between trafficking and smuggling',
  'LNK-02': 'identifying victims of trafficking among smuggled migrants',
  'LNK-03': 'keeping trafficking and smuggling legally distinct in migration policy',
  'LNK-04': 'responses that reflect how trafficking and smuggling overlap in practice',
  'SMG-01': 'respecting human rights and asylum in responses to migrant smuggling',
  'SMG-02': 'data collection, research and information sharing on migrant smuggling',
  'SMG-03': 'ensuring that migrants are not criminalised for having been smuggled',
  'SMG-04': 'protecting humanitarian assistance to migrants from criminalisation',
  'TIP-01': 'identifying trafficking victims among migrants',
  'TIP-02': 'access to protection and assistance for trafficked migrants in irregular situations',
  'TIP-03': 'protection, support, justice and the right to remain for trafficking victims',
  'TIP-04': 'remedies for victims of trafficking',
  'TIP-05': 'prosecutions and convictions in trafficking cases',
  'TIP-06': 'preventing trafficking in and around conflict',
  'TIP-07': 'implementing the Trafficking and Migrant Smuggling Protocols',
  'TIP-08': 'leadership and coordination against trafficking within and between countries',
  'TIP-09': 'victim-centred approaches to trafficking',
  'TIP-10': 'coordinating international initiatives against trafficking',
  'TIP-11': 'grounding anti-trafficking policy in the international legal framework',
  'TIP-12': 'applying the legal definitions of trafficking and forced labour',
  'DEM-01': 'reducing demand for goods and services produced through exploitation',
  'DEM-02': 'migration rules that increase vulnerability to trafficking',
  'DEM-03': 'tackling corruption that shields traffickers',
  'DEM-04': 'decent work and labour rights as protection against trafficking',
  'DEM-05': 'poverty, inequality and discrimination that increase vulnerability to exploitation',
  'DEM-06': 'addressing demand for exploitative labour and services',
  'DEM-07': 'international cooperation to discourage demand for exploitation',
  'PRV-01': 'preventing trafficking by addressing its root causes and those of irregular migration',
  'PRV-02': 'discouraging demand for exploitative commercial sexual services and labour',
  'PRV-03': 'opportunities for safe migration as prevention',
  'PRV-04': 'awareness raising on the risks of trafficking and smuggling',
  'PRV-05': 'law enforcement capacity to investigate and prosecute traffickers and smugglers',
  'HRB-01': 'ensuring that anti-trafficking measures do not harm the rights of those they protect',
  'HRB-02': 'monitoring the side effects of measures to discourage demand',
  'HRB-03': 'a human rights-based approach to exploitation in migration that does no harm',
  'HRB-04': 'making the protection of rights the main objective of migration policy',
  'HRB-05': 'identifying rights-holders and the duty-bearers who owe them protection',
  'HRB-06': 'strengthening rights-holders to claim their rights and duty-bearers to meet them',
  'HRB-07': 'rejecting exploitation in migration',
  'HRB-08': 'human rights, the rule of law and cooperation for safe migration',
  'SAF-01': 'legal, gainful and non-exploitative migration opportunities',
  'SAF-02': 'regular pathways for low- and semi-skilled labour migration',
  'SAF-03': 'the labour rights of all workers, including migrants',
  'SAF-04': 'safe migration policies that respect freedom of movement',
  'SAF-05': 'migration as a positive force for sustainable development',
  'SAF-06': 'pathways for safe, beneficial and non-exploitative migration',
};

/** What a commitment outside the report (a test's or the bench's) is about, by theme. */
export const THEME_TOPICS: Record<Theme, readonly string[]> = {
  trafficking_smuggling_links: [
    'identifying victims of trafficking among smuggled migrants',
    'screening for exploitation in mixed migration flows',
  ],
  smuggling: [
    'data collection and research on migrant smuggling',
    'ensuring that migrants are not criminalised for having been smuggled',
    'protecting humanitarian assistance to migrants from prosecution',
  ],
  trafficking: [
    'identification and referral of trafficking victims',
    'access to protection, justice and remedies for trafficking victims',
    'investigation and prosecution of trafficking cases',
  ],
  root_causes_demand: [
    'reducing demand for goods and services produced through exploitation',
    'decent work and labour rights for migrant workers',
    'tackling corruption that shields traffickers',
  ],
  prevention_law_enforcement: [
    'law enforcement capacity to investigate traffickers and smugglers',
    'awareness raising on the risks of trafficking and smuggling',
  ],
  safe_regular_migration: [
    'regular pathways for labour migration',
    'fair recruitment and safe migration opportunities',
  ],
  human_rights_approach: [
    'a human rights-based approach to exploitation in migration',
    'monitoring the side effects of anti-trafficking measures',
  ],
};

/** Self-report summaries of a state. */
export const STATE_SUMMARY: Record<StatusKey, readonly string[]> = {
  not_started: [
    'No dedicated measures yet on {topic}; an inter-ministerial review is planned.',
    'Work on {topic} has not started; a review is scheduled for {next}.',
  ],
  limited: [
    'Initial steps on {topic}, so far limited to pilot regions.',
    'First measures on {topic} adopted; implementation at an early stage.',
  ],
  substantial: [
    'Measures on {topic} in place and applied in most regions.',
    'Substantial progress on {topic}; remaining gaps identified in the action plan.',
  ],
  complete: [
    'Measures on {topic} fully in place and monitored annually.',
    'Commitment on {topic} implemented nationwide; follow-up through annual reporting.',
  ],
  regressed: [
    'Earlier progress on {topic} has been reversed.',
    'Measures on {topic} suspended; implementation has gone backwards since the last report.',
  ],
  unable_to_assess: [
    'Data on {topic} still being consolidated; status cannot yet be assessed.',
    'Ministries have not yet reported on {topic}; no status can be given.',
  ],
};

/** Self-report summaries of a non-state actor about its own work. */
export const ORG_SUMMARY: Record<StatusKey, readonly string[]> = {
  not_started: ['No activities yet on {topic}; planned for the next programme cycle.'],
  limited: [
    'Pilot activities on {topic} in two locations.',
    'First activities on {topic} started with partners.',
  ],
  substantial: ['Regular work on {topic} across most of our areas of operation.'],
  complete: ['Planned activities on {topic} completed and independently evaluated.'],
  regressed: ['Activities on {topic} scaled back after the loss of core funding.'],
  unable_to_assess: ['Too early to assess the results of our work on {topic}.'],
};

/** Independent assessment summaries of a state. */
export const INDEPENDENT_SUMMARY: Record<StatusKey, readonly string[]> = {
  not_started: [
    'No measures found on {topic} in {actor}.',
    '{actor}: commitments on {topic} not yet translated into action.',
  ],
  limited: [
    'Limited progress on {topic} in {actor}; major gaps in implementation.',
    '{actor}: measures on {topic} announced but only partly implemented.',
  ],
  substantial: [
    'Substantial progress on {topic} in {actor}, with gaps outside the capital.',
    '{actor}: most measures on {topic} in place and applied.',
  ],
  complete: ['{actor} has fully implemented measures on {topic}, monitoring confirms.'],
  regressed: [
    'Progress on {topic} in {actor} has been reversed.',
    '{actor}: backsliding on {topic} since the last review.',
  ],
  unable_to_assess: [
    'Not enough public information to assess {topic} in {actor}.',
    '{actor}: no official data published on {topic}; status cannot be assessed.',
  ],
};

/** First sentence of a state's own narrative. */
export const STATE_OPENING: Record<StatusKey, readonly string[]> = {
  not_started: ['{actor} has not yet adopted specific measures on {topic}.'],
  limited: ['{actor} has taken first steps on {topic}, but implementation remains limited.'],
  substantial: ['{actor} has put most planned measures on {topic} in place.'],
  complete: ['{actor} considers its commitment on {topic} implemented in full.'],
  regressed: [
    'Progress on {topic} reported earlier was reversed in {year}, when the specialised unit was dissolved.',
    'Funding for {topic} was cut by more than a third in {year}, and several measures were suspended.',
    'The national action plan covering {topic} expired in {year} and has not been renewed.',
  ],
  unable_to_assess: [
    'The ministries concerned have not yet consolidated the data needed to assess {topic}.',
  ],
};

/** First sentence of a non-state actor's report on its own work. */
export const ORG_OPENING: Record<StatusKey, readonly string[]> = {
  not_started: ['{actor} has not yet started work on {topic}.'],
  limited: ['{actor} began work on {topic} with a small pilot in {year}.'],
  substantial: ['{actor} now works on {topic} as part of its regular programme.'],
  complete: ['{actor} completed the activities it planned on {topic} and published an evaluation.'],
  regressed: ['{actor} had to reduce its work on {topic} in {year} after losing core funding.'],
  unable_to_assess: ['{actor} cannot yet measure the results of its work on {topic}.'],
};

/** First sentence of an independent assessment, by how it compares with the state's own view. */
export const INDEPENDENT_OPENING = {
  agrees: [
    'Our monitoring confirms {status} on {topic} in {actor}, broadly in line with the government’s account.',
  ],
  noSelfReport: [
    'Our monitoring finds {status} on {topic} in {actor}; the government has not reported on this commitment.',
  ],
  selfUnclear: [
    'Our monitoring finds {status} on {topic} in {actor}, where the government’s own report gives no status.',
  ],
  lower: [
    'Our monitoring finds only {status} on {topic} in {actor}: announced measures have not reached the people concerned.',
    'Interviews with migrants and service providers in {year} point to {status} on {topic} in {actor}, less than officially reported.',
  ],
  higher: [
    'Our monitoring finds {status} on {topic} in {actor}, more than the government itself reports.',
  ],
  regressed: [
    'Our monitoring finds that earlier progress on {topic} in {actor} has been reversed.',
  ],
  unable: [
    'We could not assess {topic} in {actor}: official data are not published and field access was limited in {year}.',
  ],
} as const;

/** Closing sentence when an independent view differs sharply from the state's own. */
export const CONTEST_CLOSING = [
  'This differs sharply from the government’s own report of {status}.',
  'The government’s report of {status} is not borne out by what we observed.',
];

/** What a state says it did, by measure. */
export const STATE_MEASURE: Record<Measure, readonly string[]> = {
  legislation: [
    'Parliament adopted the legislative amendments this work requires in {year}.',
    'A law adopted in {year} gives the measures a legal basis and assigns responsibility for them.',
  ],
  policy: [
    'A national action plan for {year}-{end} was approved by the council of ministers.',
    'Standard operating procedures were issued to frontline agencies in {year}.',
  ],
  programme: [
    'A programme run with civil society partners reached the regions most concerned in {year}.',
    'The officials concerned were trained on the new procedures in {year}.',
  ],
  budget: [
    'A dedicated budget line was created in the {year} finance law.',
    'Funding for this work was increased in {year}.',
  ],
  institution: [
    'A national coordinator and an inter-ministerial task force now oversee the work.',
    'A specialised unit for this work was set up in {year}.',
  ],
  data: [
    'The statistics office began publishing disaggregated data on {topic} in {year}.',
    'The agencies concerned now share one database.',
  ],
  cooperation: [
    'A cooperation agreement on this work with neighbouring states was signed in {year}.',
    '{actor} joined a regional working group on the issue in {year}.',
  ],
};

/** What a state that has not started says it plans. */
export const STATE_PLANS = [
  'A draft law is being prepared and is expected to reach parliament in {next}.',
  'An inter-ministerial working group was asked in {year} to propose measures.',
  'A budget request for {next} includes a first allocation.',
];

/** What a non-state actor says it did, by measure. */
export const ORG_MEASURE: Record<Measure, readonly string[]> = {
  legislation: ['{actor} submitted recommendations on draft legislation to parliament in {year}.'],
  policy: ['{actor} adopted an internal policy and a code of conduct on the issue in {year}.'],
  programme: [
    '{actor} ran outreach and legal counselling sessions for migrants at risk in {year}.',
  ],
  budget: ['{actor} set aside core funding for this work from {year} to {next}.'],
  institution: ['{actor} set up a dedicated team in {year}.'],
  data: ['{actor} published a research brief on {topic} in {year}.'],
  cooperation: [
    '{actor} coordinates a referral network with shelters, lawyers and labour inspectors.',
  ],
};

/** What an independent assessor observed, by measure: when things work, and when they do not. */
export const OBSERVED_MEASURE: Record<
  Measure,
  { positive: readonly string[]; critical: readonly string[] }
> = {
  legislation: {
    positive: ['The amended law is in force and the authorities have begun to apply it.'],
    critical: ['The law is in force, but implementing regulations are still missing.'],
  },
  policy: {
    positive: [
      'The national action plan is being implemented and its monitoring committee meets regularly.',
    ],
    critical: [
      'The action plan exists on paper; its monitoring committee met only once in {year}.',
    ],
  },
  programme: {
    positive: [
      'People we interviewed confirmed that the programme now reaches them in most cases.',
    ],
    critical: ['The programme’s capacity remains far below need outside the capital.'],
  },
  budget: {
    positive: ['Budget execution data show that allocated funds were spent as planned.'],
    critical: [
      'Budget execution data show that less than half of the allocated funds were spent in {year}.',
    ],
  },
  institution: {
    positive: [
      'The national coordinator’s office is staffed and consults civil society regularly.',
    ],
    critical: [
      'The national coordinator’s office is understaffed and has no mandate over labour inspection.',
    ],
  },
  data: {
    positive: ['Official figures are now published every year and disaggregated by sex and age.'],
    critical: ['Published figures are not disaggregated by sex, age or migration status.'],
  },
  cooperation: {
    positive: ['Cooperation with neighbouring states now follows an agreed procedure.'],
    critical: [
      'Cooperation with neighbouring states remains ad hoc and depends on personal contacts.',
    ],
  },
};

/** Do-no-harm (report paras 15-16): measures that restricted the rights of the people they claim to protect. */
export const ADVERSE_EFFECTS = [
  'Anti-trafficking raids on entertainment venues led to the detention of migrant women in immigration facilities, without screening for trafficking or access to a lawyer.',
  'Joint labour and immigration inspections led to the deportation of migrant workers, including presumed victims of forced labour who were never identified.',
  'Exit controls introduced to prevent trafficking stop young women from leaving the country to work abroad, restricting their freedom of movement.',
  'Volunteers who gave food and shelter to migrants were prosecuted under the anti-smuggling law, deterring humanitarian assistance.',
  'Migrants intercepted at sea were returned without any assessment of their protection needs, including asylum seekers.',
  'Residence permits for victims depend on cooperation with prosecutors, so many victims do not come forward.',
];

export const RETURN_NOTES = [
  'Please add a source for the figures on identified victims before resubmitting.',
  'The as-of date does not match the reporting period described in the narrative; please check.',
  'The narrative describes a different commitment; please revise it or move it to the right one.',
];

export const WITHDRAWAL_REASONS = [
  'Entered under the wrong subject actor; the reporter has been asked to enter it again under the right one.',
  'Duplicate of an entry published the same week by the same reporter.',
  'The linked evidence refers to another country; withdrawn at the reporter’s request.',
];

export const CORRECTION_NOTES = {
  status: 'Corrects the entry published on {date}: the status was recorded as {status} by mistake.',
  figures:
    'Corrects the entry published on {date}: figures updated after the final annual data were released.',
};

/** Evidence titles: a self-report's own documents by measure, an assessor's reports, context. */
export const OWN_DOCUMENT: Record<Measure | 'review', string> = {
  legislation: 'Act No. {num}/{year} on {topic} ({actor})',
  policy:
    'National action plan against trafficking in persons and migrant smuggling {year}-{end} ({actor})',
  programme: 'Programme report on {topic} ({actor}, {year})',
  budget: 'Finance law {year}: budget annex on {topic} ({actor})',
  institution: 'Decree establishing the national anti-trafficking coordinator ({actor}, {year})',
  data: 'Statistical bulletin on trafficking and smuggling cases, {year} ({actor})',
  cooperation: 'Memorandum of understanding on joint investigations and referral ({year})',
  review:
    'Voluntary national review for the International Migration Review Forum ({actor}, {year})',
};

export const ORG_DOCUMENT = [
  '{actor}: annual activity report {year}',
  'Evaluation of work on {topic} ({actor}, {year})',
];

export const ASSESSOR_DOCUMENT = [
  '{reporter} shadow report on {actor} ({year})',
  'Monitoring brief: {topic} in {actor} ({year})',
  'Interviews with migrants and service providers in {actor}: findings ({year})',
];

export const GOVERNMENT_CLAIM = 'Government progress report on {topic} ({actor}, {year})';

export const CONTEXT_DOCUMENT = [
  'Regional overview of smuggling routes and protection risks ({year})',
  'Desk review of national anti-trafficking frameworks ({year})',
];

export const FIRST_NAMES = [
  'Amina',
  'Lucas',
  'Sofia',
  'Kwame',
  'Mei',
  'Rafael',
  'Ingrid',
  'Tariq',
  'Nadia',
  'Jonas',
  'Priya',
  'Mateo',
  'Leila',
  'Emeka',
  'Hana',
  'Olga',
  'Diego',
  'Fatou',
  'Arjun',
  'Elena',
  'Samir',
  'Grace',
  'Yusuf',
  'Clara',
];
export const LAST_NAMES = [
  'Aldemir',
  'Brenvik',
  'Castellan',
  'Duarvo',
  'Esterhane',
  'Falkenrud',
  'Gorovan',
  'Halvecq',
  'Ismarin',
  'Jorvell',
  'Kessandre',
  'Lorvaine',
  'Maredo',
  'Norrbeck',
  'Osterlind',
  'Pellacour',
  'Quivane',
  'Rostavel',
];

// ---------------------------------------------------------------------------------------------
// Composing an entry's words from the templates above.

/** The random choices the wording needs; seed/demo.ts passes its seeded generator. */
export interface Chooser {
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], n: number): T[];
}

export interface Speaker {
  slug: string;
  /** Short name used in sentences ("Aldoria", "the Coalition"). */
  label: string;
  name: string;
  shortName: string | null;
  kind: ActorKind;
}

/** What an entry states, before it is put into words. */
export interface Wording {
  subject: Speaker;
  reporter: Speaker;
  topic: string;
  status: StatusKey;
  asOf: string;
  /** Independent assessments: the subject's own latest status at that date, if any. */
  selfStatus: StatusKey | null;
}

const docName = (actor: Speaker) => actor.shortName ?? actor.name.replace(/ \(demo\)$/, '');
const slugify = (value: string) =>
  value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');

function evidenceFor(
  rng: Chooser,
  s: Wording,
  measures: Measure[],
  vars: Record<string, string | number>,
): EvidenceLink[] {
  const docVars = {
    ...vars,
    actor: docName(s.subject),
    reporter: docName(s.reporter),
    num: rng.int(3, 48),
  };
  const titles: Array<[string, EvidenceLink['relation']]> = [];
  if (s.subject.slug !== s.reporter.slug) {
    titles.push([rng.pick(ASSESSOR_DOCUMENT), 'supports']);
    if (disagrees(s)) titles.push([GOVERNMENT_CLAIM, 'contradicts']);
    else if (rng.chance(0.35)) titles.push([rng.pick(CONTEXT_DOCUMENT), 'context']);
  } else if (s.subject.kind === 'state') {
    const modest = STATUS_SCALE[s.status].step === 0 || s.status === 'unable_to_assess';
    const count = modest ? rng.int(0, 1) : rng.int(1, 2);
    const own = [...measures.map((m) => OWN_DOCUMENT[m]), OWN_DOCUMENT.review];
    own.slice(0, count).forEach((title) => titles.push([title, 'supports']));
  } else if (rng.chance(0.7)) {
    titles.push([rng.pick(ORG_DOCUMENT), 'supports']);
  }
  return titles.map(([template, relation]) => {
    const title = fill(template, docVars);
    const base = rng.pick(['https://example.org/demo', 'https://demo.example/library']);
    return { url: `${base}/${s.reporter.slug}/${vars.year}/${slugify(title)}`, title, relation };
  });
}

/** A narrative's sentences. */
export const splitSentences = (value: string) => value.split(/(?<=\.) /);

/** An independent view that contests what the subject itself reported (docs/design.md#contested). */
export function disagrees(s: Wording): boolean {
  return isContested(s.selfStatus, s.status);
}

/** Summary, narrative, measures and evidence of a statement, in plain English. */
export function compose(
  rng: Chooser,
  s: Wording,
): Pick<EntrySeed, 'summary' | 'narrative' | 'measures' | 'evidence'> {
  const year = Number(s.asOf.slice(0, 4));
  const vars = {
    actor: s.subject.label,
    reporter: s.reporter.label,
    topic: s.topic,
    year,
    next: year + 1,
    end: year + 4,
    status: STATUS_WORDS[s.status],
  };
  const step = STATUS_SCALE[s.status].step;
  const isSelf = s.subject.slug === s.reporter.slug;
  // Measures taken: none yet, none assessable, or (in a state's own account of a regression) none to report.
  const measureCount =
    s.status === 'unable_to_assess' || s.status === 'not_started'
      ? 0
      : s.status === 'regressed'
        ? isSelf
          ? 0
          : rng.int(0, 2)
        : rng.int(1, 3);
  const chosen = rng.sample(MEASURES, measureCount);
  const measures = MEASURES.filter((m) => chosen.includes(m));
  const say = (pool: readonly string[], extra: Record<string, string | number> = {}) =>
    fill(rng.pick(pool), { ...vars, ...extra });
  let summary: string;
  const sentences: string[] = [];
  if (isSelf) {
    const isState = s.subject.kind === 'state';
    summary = say((isState ? STATE_SUMMARY : ORG_SUMMARY)[s.status]);
    sentences.push(say((isState ? STATE_OPENING : ORG_OPENING)[s.status]));
    for (const m of measures.slice(0, 2))
      sentences.push(say((isState ? STATE_MEASURE : ORG_MEASURE)[m]));
    if (isState && s.status === 'not_started' && rng.chance(0.7)) sentences.push(say(STATE_PLANS));
  } else {
    summary = say(INDEPENDENT_SUMMARY[s.status]);
    const own =
      s.selfStatus && s.selfStatus !== 'unable_to_assess' ? STATUS_SCALE[s.selfStatus].step : null;
    const opening =
      s.status === 'unable_to_assess'
        ? 'unable'
        : s.status === 'regressed'
          ? 'regressed'
          : s.selfStatus === null
            ? 'noSelfReport'
            : own === null || step === null
              ? 'selfUnclear'
              : step < own
                ? 'lower'
                : step > own
                  ? 'higher'
                  : 'agrees';
    sentences.push(say(INDEPENDENT_OPENING[opening]));
    const positive = (step ?? 0) >= 2 && opening !== 'lower';
    for (const m of measures.slice(0, 1)) {
      sentences.push(say(OBSERVED_MEASURE[m][positive ? 'positive' : 'critical']));
    }
    if (disagrees(s)) sentences.push(say(CONTEST_CLOSING, { status: STATUS_WORDS[s.selfStatus!] }));
  }
  return {
    summary,
    narrative: sentences.join(' '),
    measures,
    evidence: evidenceFor(rng, s, measures, vars),
  };
}
