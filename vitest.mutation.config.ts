// The tests StrykerJS runs against each mutant (`npm run mutation`): the specs of the mutated folders
// themselves, so the score says how well domain/ and auth/ are tested where they live. (The integration
// specs elsewhere take minutes per mutant on two shared cores; tests/ drives the built server.)
import { mergeConfig } from 'vitest/config';
import base from './vite.config';

const config = mergeConfig(base, {});
// mergeConfig appends arrays; the mutation run replaces the list of test files instead.
config.test.include = ['src/lib/domain/**/*.spec.ts', 'src/lib/server/auth/**/*.spec.ts'];
export default config;
