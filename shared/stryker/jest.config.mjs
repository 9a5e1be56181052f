// The unit tests as Stryker runs them: the same suites, with fast-check's default of 100 runs per
// property cut to 20 (a property still tries 20 random cases on each mutant it covers; those
// that set their own numRuns keep it). On 2 shared cores this keeps a full run in bounds.
import base from '../jest.config.js';

export default {
  ...base,
  rootDir: '..',
  setupFiles: ['<rootDir>/stryker/fewer-property-runs.ts'],
};
