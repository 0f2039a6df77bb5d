/** Two projects: `unit` (core, nodes through real n8n-core, conformance) and `e2e` (a real n8n process). */
const tsJest = ['ts-jest', { isolatedModules: true, diagnostics: false }];
const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': tsJest },
	setupFiles: ['<rootDir>/test/setup/n8nUserFolder.js'],
};
module.exports = {
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: ['/test/e2e/'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
