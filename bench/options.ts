/** Command-line options of `npm run bench` (and `bench:smoke`). */
export interface BenchOptions {
  entries: number;
  /** The smaller size read figures are compared with (growth); 0 skips it. */
  growthEntries: number;
  actors: number;
  states: number;
  commitments: number;
  /** Seconds per HTTP scenario. */
  duration: number;
  port: number;
  seed: number;
  importRows: number;
  out: string;
  workDir: string;
  /** The production build's folder (NEXT_DIST_DIR), `<workDir>/next` unless given. */
  distDir: string;
  skipBuild: boolean;
  /** Runs only the scenarios whose name matches (and leaves docs/performance.md alone). */
  only: RegExp | null;
  /** An existing database to measure instead of generating one (it is written to: use a copy). */
  db: string | null;
  /** Whether the routes table in docs/performance.md is rewritten (a full run at 1M does). */
  docs: boolean;
  /** The browser pass (LCP, hydration, DOM nodes) for page scenarios. */
  browser: boolean;
}

export const USAGE = `npm run bench -- [--entries 1000000] [--growth-entries 250000]
                  [--actors 2000] [--states 193] [--commitments 200] [--duration 3]
                  [--port 3300] [--seed 1] [--import-rows 100000]
                  [--out bench/results/latest.json] [--skip-build] [--only <regex>] [--db <path>]
                  [--work-dir bench/.tmp] [--dist-dir <work-dir>/next]
                  [--docs | --no-docs] [--no-browser]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    entries: 1_000_000,
    growthEntries: -1,
    actors: 2000,
    states: 193,
    commitments: 200,
    duration: 3,
    port: 3300,
    seed: 1,
    importRows: 100_000,
    out: 'bench/results/latest.json',
    workDir: 'bench/.tmp',
    distDir: '',
    skipBuild: false,
    only: null,
    db: null,
    docs: false,
    browser: true,
  };
  let docs: boolean | undefined;
  const numeric: Record<string, keyof BenchOptions> = {
    '--entries': 'entries',
    '--growth-entries': 'growthEntries',
    '--actors': 'actors',
    '--states': 'states',
    '--commitments': 'commitments',
    '--duration': 'duration',
    '--port': 'port',
    '--seed': 'seed',
    '--import-rows': 'importRows',
  };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] as string;
    const [name, inline] = arg.includes('=')
      ? (arg.split('=', 2) as [string, string])
      : [arg, undefined];
    const flags: Record<string, () => void> = {
      '--skip-build': () => (options.skipBuild = true),
      '--docs': () => (docs = true),
      '--no-docs': () => (docs = false),
      '--no-browser': () => (options.browser = false),
    };
    if (flags[name]) {
      flags[name]();
      continue;
    }
    if (name === '--help') throw new Error(USAGE);
    const value = inline ?? argv[++index];
    const strings: Record<string, 'out' | 'db' | 'distDir' | 'workDir'> = {
      '--out': 'out',
      '--work-dir': 'workDir',
      '--db': 'db',
      '--dist-dir': 'distDir',
    };
    if (strings[name]) {
      if (!value) throw new Error(`${name} needs a value\n${USAGE}`);
      options[strings[name]] = value;
      continue;
    }
    if (name === '--only') {
      try {
        options.only = new RegExp(String(value), 'i');
      } catch {
        throw new Error(`--only: not a regular expression: ${value}\n${USAGE}`);
      }
      continue;
    }
    const key = numeric[name];
    const number = Number(String(value).replace(/_/g, ''));
    if (!key || !Number.isFinite(number) || number < 0)
      throw new Error(`Unknown option or bad value: ${arg} ${value ?? ''}\n${USAGE}`);
    (options[key] as number) = number;
  }
  options.distDir ||= `${options.workDir}/next`;
  if (options.growthEntries < 0)
    options.growthEntries = options.db ? 0 : Math.floor(options.entries / 4);
  // A full run at the full size rewrites the table; a subset or a small size only when asked.
  options.docs = docs ?? (options.only === null && options.entries >= 1_000_000);
  if (options.states > options.actors) options.states = Math.floor(options.actors / 10);
  if (options.entries < 1 || options.actors < 2 || options.commitments < 1)
    throw new Error(`--entries, --actors and --commitments must be positive\n${USAGE}`);
  return options;
}
