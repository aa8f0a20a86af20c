import {defineConfig} from 'vitest/config';
import {fileURLToPath} from 'node:url';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		setupFiles: ['test/setup.ts'],
		reporters: ['default', './test/harness/count-reporter.ts'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Two cores: end-to-end tests spawn ptys and sandboxes; more workers only add contention.
		maxWorkers: 2,
	},
});
