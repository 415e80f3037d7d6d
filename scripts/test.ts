// `npm test`: every test, in the stages of tests/steps.ts. The steps of a stage run side by
// side and each prints its output when it ends, under a line with its name, result and
// seconds; a stage of one step prints as it goes. The first stage with a failed step ends
// the run, with exit code 1.
import { STAGES, runStep } from '../tests/steps.ts';

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();

for (const stage of STAGES) {
  const live = stage.length === 1;
  const results = await Promise.all(
    stage.map(async (step) => {
      const result = await runStep(step, live);
      console.log(
        `${live ? '' : `\n${result.output.trimEnd()}\n`}── ${step.name}: ${result.ok ? 'passed' : 'FAILED'} in ${sec(result.ms)}`,
      );
      return result;
    }),
  );
  const failed = results.filter((r) => !r.ok).map((r) => r.step.name);
  if (failed.length) {
    console.error(
      `\nnpm test failed: ${failed.join(', ')} (after ${sec(performance.now() - started)})`,
    );
    process.exit(1);
  }
}
console.log(`\nnpm test passed in ${sec(performance.now() - started)}`);
