/**
 * The OCPI Validator as users get it: packed, installed as a community package into a real n8n
 * (cached 1.123.81), imported and run from the CLI.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, installModuleProbe, PROJECT_ROOT, type N8nInstance } from './support';

// The first CLI command runs all DB migrations; a cold n8n install (minutes) may also happen in beforeAll.
jest.setTimeout(5 * 60_000);

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows');

let n8n: N8nInstance;

beforeAll(async () => {
	ensureBuilt();
	n8n = await createN8nInstance();
	installModuleProbe(n8n.userFolder);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
});

const importAndRun = (fixture: string, folder = FIXTURES) => importAndRunWorkflow(n8n, path.join(folder, fixture));

describe('OCPI Validator in a real n8n (installed community package)', () => {
	it('splits a valid Location, an invalid one and a non-object into Valid and Invalid', async () => {
		const outputs = await importAndRun('e2e-validator.json');
		const [valid, invalid] = outputs['OCPI Validator'];

		expect(valid).toHaveLength(1);
		const location = valid[0].json.location as IDataObject;
		expect(location.id).toBe('LOC-OK');
		expect(location._validation).toEqual({ valid: true, changes: [], warnings: [] });
		expect(valid[0].pairedItem).toEqual({ item: 0 });

		expect(invalid).toHaveLength(2);
		const issues = (item: INodeExecutionData) =>
			(item.json.issues as IDataObject[]).map(({ path: at, code }) => `${String(at)} ${String(code)}`);
		expect(invalid[0].json).toMatchObject({ valid: false, objectId: 'LOC-BAD', errorCount: 3 });
		expect(issues(invalid[0])).toEqual([
			'coordinates.latitude invalid_format',
			'evses[0].status not_allowed_value',
			'time_zone required',
		]);
		expect(invalid[0].json.summary).toMatch(/^3 problems: coordinates\.latitude/);
		expect(invalid[0].pairedItem).toEqual({ item: 1 });
		expect(invalid[1].json).toMatchObject({ valid: false, object: 'just a string, not an OCPI object' });
		expect(issues(invalid[1])).toEqual([' not_an_object']);
		expect(invalid[1].pairedItem).toEqual({ item: 2 });

		// The items reach the nodes wired to each output.
		expect(outputs.Valid[0]).toHaveLength(1);
		expect(outputs.Invalid[0]).toHaveLength(2);
	});

	it('gets zod, lodash and n8n-workflow from n8n itself, since the package ships no dependencies', async () => {
		const ownModules = path.join(n8n.packageDir!, 'node_modules');
		for (const name of ['zod', 'lodash', 'n8n-workflow']) {
			expect(fs.existsSync(path.join(ownModules, name))).toBe(false);
		}

		const outputs = await importAndRun('e2e-module-probe.json');
		const report = outputs['Module Probe'][0][0].json as {
			packageDir: string;
			loaded: Record<string, string[]>;
			resolved: Record<string, string>;
			works: Record<string, unknown>;
		};
		const n8nModules = fs.realpathSync(path.join(n8n.n8nDir, 'node_modules')) + path.sep;
		expect(fs.realpathSync(report.packageDir)).toBe(fs.realpathSync(n8n.packageDir!));
		for (const name of ['zod', 'lodash', 'n8n-workflow']) {
			expect(report.resolved[name]).toContain(n8nModules);
		}
		// Files the Validator actually loaded while it ran inside n8n.
		expect(report.loaded.lodash?.length).toBeGreaterThan(0);
		expect(report.loaded.zod?.length).toBeGreaterThan(0);
		for (const file of Object.values(report.loaded).flat()) expect(file).toContain(n8nModules);
		expect(report.works).toEqual({ zod: true, lodash: true });
	});
});
