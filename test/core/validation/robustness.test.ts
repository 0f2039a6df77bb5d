/** validateOcpiObject never throws and reports everything, whatever it is given. */
import { validateOcpiObject, type ValidationOptions } from '../../../core/validation/validate';
import { issueList, SPEC_221 } from './issueList';
import { location221 } from './validObjects';

const ALL_OPTIONS: ValidationOptions[] = (['2.2.1', '2.1.1'] as const).flatMap((version) =>
	(['location', 'evse', 'connector'] as const).flatMap((kind) =>
		(['spec', 'strict'] as const).map((profile) => ({ version, kind, profile })),
	),
);

function deepJunk(depth: number): unknown {
	let value: unknown = 'bottom';
	for (let i = 0; i < depth; i++) value = i % 2 ? { nested: value } : [value];
	return value;
}

const JUNK: unknown[] = [
	null,
	undefined,
	0,
	NaN,
	'',
	'x'.repeat(10_000_000),
	[],
	[location221()],
	{},
	{ evses: 'none' },
	{ evses: [null, 1, 'x', [], {}] },
	{ evses: [{ connectors: [null, [], { id: {} }] }] },
	{ coordinates: [], opening_times: { regular_hours: {} }, publish_allowed_to: [null], energy_mix: 7 },
	{ id: 1, uid: 2, connectors: 3, last_updated: 4, standard: 5, max_voltage: 'x' },
	{ junk: deepJunk(1000) },
	Object.create(null),
];

describe('never throws', () => {
	it.each(ALL_OPTIONS.map((options) => [`${options.version} ${options.kind} ${options.profile}`, options]))('for %s', (_name, options) => {
		for (const input of JUNK) {
			const result = validateOcpiObject(input, options as ValidationOptions);
			expect(result.valid).toBe(false);
			for (const issue of result.errors) expect(issue.message.length).toBeGreaterThan(0);
		}
	});

	it('even with options it does not know', () => {
		const result = validateOcpiObject({}, { version: '3.0' as never, kind: 'tariff' as never, profile: 'spec' });
		expect(result.valid).toBe(false);
	});
});

describe('reports all issues', () => {
	it('lists every problem of an object that is wrong everywhere', () => {
		const location = location221({ id: 1, address: null, country: 'Germany', time_zone: 'CET', extra: true });
		expect(issueList(location)).toEqual([
			'id wrong_type error',
			'address required error',
			'country invalid_format error',
			'time_zone invalid_format error',
			'extra unknown_field warning',
		]);
	});

	it('shortens a 10 MB value in the report', () => {
		const { errors } = validateOcpiObject(location221({ address: 'x'.repeat(10_000_000) }), SPEC_221);
		expect(errors).toHaveLength(1);
		expect(errors[0].code).toBe('too_long');
		expect(String(errors[0].value).length).toBeLessThan(200);
		expect(errors[0].message.length).toBeLessThan(300);
	});

	it('warns once about an unknown field holding deeply nested junk', () => {
		expect(issueList(location221({ junk: deepJunk(1000) }))).toEqual(['junk unknown_field warning']);
	});

	it('answers not_an_object for a list at the root', () => {
		const { errors } = validateOcpiObject([location221()], SPEC_221);
		expect(errors).toEqual([
			{ path: '', code: 'not_an_object', message: 'The Location must be a JSON object ({ … }); got a list of 1', severity: 'error' },
		]);
	});
});
