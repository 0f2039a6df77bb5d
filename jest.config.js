/**
 * Three projects: `unit` (core, nodes through real n8n-core, conformance), `e2e` (a real n8n process) and
 * `browser` (the n8n editor in headless Chromium against a real n8n).
 */
// Type errors are caught by `npm run typecheck`; ts-jest only transpiles, which keeps tests fast.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }];
const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	setupFiles: ['<rootDir>/test/setup/n8nUserFolder.js'],
};
module.exports = {
	// n8n-core leaves handles open after a workflow run; without this Jest never exits.
	forceExit: true,
	// Node tests run a real n8n-core workflow over real HTTP; on a loaded 2-core machine 5 s is too tight.
	testTimeout: 20_000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/e2e/', '/test/browser/'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
		{ ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
	],
};
