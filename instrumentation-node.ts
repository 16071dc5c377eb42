import { authConfigurationProblem } from './lib/deployment';

/** A production deployment without its auth secret refuses to start (see instrumentation.ts). */
const problem = authConfigurationProblem();
if (problem) {
  console.error(`Refusing to start: ${problem}`);
  process.exit(1);
}
