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
  skipBuild: boolean;
}

export const USAGE = `npm run bench -- [--entries 1000000] [--growth-entries 250000] [--actors 2000] [--states 193]
                  [--commitments 200] [--duration 10] [--port 3300] [--seed 1] [--import-rows 100000]
                  [--out bench/results/latest.json] [--skip-build]`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    entries: 1_000_000,
    growthEntries: -1,
    actors: 2000,
    states: 193,
    commitments: 200,
    duration: 10,
    port: 3300,
    seed: 1,
    importRows: 100_000,
    out: 'bench/results/latest.json',
    workDir: 'bench/.tmp',
    skipBuild: false,
  };
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
    if (name === '--skip-build') {
      options.skipBuild = true;
      continue;
    }
    if (name === '--help') throw new Error(USAGE);
    const value = inline ?? argv[++index];
    if (name === '--out') {
      options.out = String(value);
      continue;
    }
    const key = numeric[name];
    const number = Number(String(value).replace(/_/g, ''));
    if (!key || !Number.isFinite(number) || number < 0)
      throw new Error(`Unknown option or bad value: ${arg} ${value ?? ''}\n${USAGE}`);
    (options[key] as number) = number;
  }
  if (options.growthEntries < 0) options.growthEntries = Math.floor(options.entries / 4);
  if (options.states > options.actors) options.states = Math.floor(options.actors / 10);
  if (options.entries < 1 || options.actors < 2 || options.commitments < 1)
    throw new Error(`--entries, --actors and --commitments must be positive\n${USAGE}`);
  return options;
}
