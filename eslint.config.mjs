/**
 * Lint for this package. Shipped code (core, nodes, credentials, package.json) gets the rules of n8n's own
 * community-node tooling, as `n8n-node lint` (@n8n/node-cli) sets them up: eslint and typescript-eslint's
 * recommended rules, @n8n/eslint-plugin-community-nodes (cloud rules included) and eslint-plugin-n8n-nodes-base's
 * community, credentials and nodes sets, with the same few rules switched off as n8n-node lint switches off.
 * Tests, servers, bench and scripts never ship: they get a config of their own.
 */
import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodes = n8nCommunityNodesPlugin.configs.recommended;
const shipped = ['core/**/*.ts', 'nodes/**/*.ts', 'credentials/**/*.ts'];
const notShipped = ['test/**/*.ts', 'servers/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'];

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', 'test-artifacts', '**/*.js', '**/*.mjs', 'core/reference/generated/**']),
	{
		files: shipped,
		extends: [js.configs.recommended, tseslint.configs.recommended, communityNodes, importX.configs['flat/recommended']],
		rules: {
			'prefer-spread': 'off',
			'no-console': 'error',
			// `_`-named bindings leave fields out of a rest object on purpose (tsc's noUnusedLocals agrees).
			'@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
	{
		// core/ is plain TypeScript without n8n imports (the project's rule): it throws its own errors, which the
		// nodes turn into NodeApiError / NodeOperationError. Its text rules match control characters on purpose.
		files: ['core/**/*.ts'],
		rules: {
			'@n8n/community-nodes/require-node-api-error': 'off',
			'no-control-regex': 'off',
		},
	},
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
	},
	{
		files: ['package.json'],
		extends: [communityNodes],
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Both off in n8n-node lint: community packages link full documentation URLs, and the community
			// plugin's credential-password-field rule checks password fields more accurately.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Off in n8n-node lint: inputs and outputs are NodeConnectionTypes.Main (the community rules require
			// it), which these older rules do not recognise; a maxValue is a real limit of the remote side.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: notShipped,
		extends: [js.configs.recommended, tseslint.configs.recommended],
		rules: {
			// Tests read OCPI JSON and n8n's run data loosely on purpose; what they check is asserted, not typed.
			'@typescript-eslint/no-explicit-any': 'off',
			// Tests load the project's CommonJS scripts and modules inside the installed n8n (sqlite3, pg) by path.
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true }],
		},
	},
);
