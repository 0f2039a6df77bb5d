/**
 * Bad input never throws: every value yields a result with a reason. How long the hostile cases
 * take is printed by `npm run bench -- --only hostile`, not asserted here.
 */
import { enrichOcpiObject } from '../../core/enrichment/enrich';
import { OCPI_OBJECT_KINDS } from '../../core/ocpi/version';
import type { ValidationResult } from '../../core/validation/validate';
import { baseLocation221, check, expectIssue, hasIssueUnder, type Json } from './helpers';

function deepObject(depth: number): Json {
	let value: Json = { leaf: true };
	for (let i = 0; i < depth; i++) value = { nested: value };
	return value;
}

function deepArray(depth: number): Json {
	let value: Json = [1];
	for (let i = 0; i < depth; i++) value = [value];
	return value;
}

describe('robustness: non-object input', () => {
	test.each([
		['null', null],
		['undefined', undefined],
		['number 42', 42],
		["string 'text'", 'text'],
		['empty array', []],
		['array of a Location', [baseLocation221()]],
		['boolean', true],
	] as const)('%s → invalid, not_an_object at the root, no throw', (_name, input) => {
		for (const kind of OCPI_OBJECT_KINDS) {
			let result: ValidationResult | undefined;
			expect(() => (result = check(input, { kind }))).not.toThrow();
			expect(result!.valid).toBe(false);
			expectIssue(result!, '', 'not_an_object');
		}
	});

	test('empty object → invalid, each required Location field reported', () => {
		const result = check({});
		expect(result.valid).toBe(false);
		for (const field of ['country_code', 'party_id', 'id', 'publish', 'address', 'city', 'country', 'coordinates', 'time_zone', 'last_updated']) {
			expectIssue(result, field, 'required');
		}
	});

	test("{evses: 'x'} → invalid, wrong_type at evses (plus the missing fields)", () => {
		const result = check({ evses: 'x' });
		expect(result.valid).toBe(false);
		expectIssue(result, 'evses', 'wrong_type');
		expectIssue(result, 'id', 'required');
	});

	test('enrichment never throws on junk either', () => {
		for (const input of [null, 42, 'text', [], { evses: 'x' }, { coordinates: 'x', country: 42, evses: [null, 1, 'x'] }]) {
			expect(() =>
				enrichOcpiObject(input, 'location', '2.2.1', {
					defaults: true,
					countryCodes: true,
					timeZone: true,
					coordinates: true,
					evseId: 'lenient',
					now: new Date('2024-05-01T12:00:00Z'),
				}),
			).not.toThrow();
		}
	});
});

describe('robustness: huge and deep input', () => {
	test('a 5 MB address → too_long, and the reported value is shortened', () => {
		const l = baseLocation221();
		l.address = 'A'.repeat(5 * 1024 * 1024);
		const result = check(l);
		expectIssue(result, 'address', 'too_long');
		const issue = result.errors.find((e) => e.path === 'address' && e.code === 'too_long')!;
		expect(typeof issue.value).toBe('string');
		expect((issue.value as string).length).toBeLessThan(1000);
		expect(issue.message.length).toBeLessThan(1000);
		expect(JSON.stringify(result).length).toBeLessThan(100_000);
	});

	test('a 2000-deep nested object in an unknown field → unknown_field warning, no throw', () => {
		const l = baseLocation221();
		l.x_vendor_data = deepObject(2000);
		const result = check(l);
		expectIssue(result, 'x_vendor_data', 'unknown_field', 'warning');
		// an unknown field is only a warning: the rest of the Location is fine
		expect(result.valid).toBe(true);
		expect(JSON.stringify(result.warnings).length).toBeLessThan(100_000);
	});

	test('a 2000-deep nested object where a string belongs → invalid (wrong_type), no throw', () => {
		const l = baseLocation221();
		l.address = deepObject(2000);
		const result = check(l);
		expectIssue(result, 'address', 'wrong_type');
	});

	test('a 2000-deep nested array as an EVSE → invalid, no throw', () => {
		const l = baseLocation221();
		l.evses = [deepArray(2000)];
		const result = check(l);
		expect(result.valid).toBe(false);
		expect(hasIssueUnder(result.errors, 'evses[0]')).toBe(true);
	});

	test('10 000 junk EVSEs → invalid with reasons', () => {
		const l = baseLocation221();
		l.evses = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? 42 : i % 3 === 1 ? { uid: i, junk: 'x' } : 'evse'));
		const result = check(l);
		expect(result.valid).toBe(false);
		// nested non-objects are wrong_type (not_an_object is reserved for the checked object itself)
		expectIssue(result, 'evses[0]', 'wrong_type');
		expectIssue(result, 'evses[1].uid', 'wrong_type');
		expectIssue(result, 'evses[1].connectors', 'required');
		expectIssue(result, 'evses[9999]', 'wrong_type');
	});

	test('10 000 well-formed EVSEs with the same uid → duplicate_id at the later ones', () => {
		const l = baseLocation221();
		const evse = l.evses[1];
		l.evses = Array.from({ length: 10_000 }, () => JSON.parse(JSON.stringify(evse)));
		const result = check(l);
		expectIssue(result, 'evses[1].uid', 'duplicate_id');
		expectIssue(result, 'evses[9999].uid', 'duplicate_id');
		expect(result.errors.some((e) => e.path === 'evses[0].uid')).toBe(false);
	});

	test('a cyclic object does not hang or throw', () => {
		const l = baseLocation221();
		l.operator.self = l;
		expect(() => check(l)).not.toThrow();
	});

	test('__proto__ / constructor keys are reported as unknown, not executed', () => {
		const l = JSON.parse(JSON.stringify(baseLocation221()).replace('{', '{"__proto__":{"polluted":1},"constructor":1,'));
		const result = check(l);
		expect(({} as Json).polluted).toBeUndefined();
		expectIssue(result, 'constructor', 'unknown_field', 'warning');
	});
});
