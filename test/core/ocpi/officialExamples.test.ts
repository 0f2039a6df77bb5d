/** The spec's own examples (test/fixtures/ocpi-examples, see SOURCES.md there) against our model. */
import * as fs from 'fs';
import * as path from 'path';
import { v211, v221 } from '../../../core/ocpi';
import { validateOcpiObject } from '../../../core/validation/validate';

const EXAMPLES = path.resolve(__dirname, '../../fixtures/ocpi-examples');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
const locationFiles = fs.readdirSync(path.join(EXAMPLES, '2.2.1')).filter((file) => file.startsWith('location_example'));

describe('official OCPI 2.2.1 examples', () => {
	it('finds the six Location examples', () => {
		expect(locationFiles).toHaveLength(6);
	});

	it.each(locationFiles)('accepts %s as a Location without errors or warnings', (file) => {
		const result = validateOcpiObject(read(`2.2.1/${file}`), { version: '2.2.1', kind: 'location', profile: 'spec' });
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([]);
		expect(result.valid).toBe(true);
	});

	it.each(locationFiles)('parses %s with the bare LocationSchema too', (file) => {
		expect(v221.LocationSchema.safeParse(read(`2.2.1/${file}`)).success).toBe(true);
	});

	it.each(['complete', 'energy_provider', 'simple'])('accepts the energy mix fragment "%s"', (name) => {
		const fragment = read(`2.2.1/location_energymix_example_${name}.json`) as { energy_mix: unknown };
		expect(v221.EnergyMixSchema.safeParse(fragment.energy_mix).success).toBe(true);
	});

	it.each([
		'location_hours_247_open_exception_closing.json',
		'location_hours_opening_hours_with_exceptional_closing.json',
		'location_hours_opening_hours_with_exceptional_opening.json',
	])('accepts the Hours fragment %s', (file) => {
		expect(v221.HoursSchema.safeParse(read(`2.2.1/${file}`)).success).toBe(true);
	});

	it('accepts the regular hours fragment', () => {
		const fragment = read('2.2.1/location_regularhours_example.json') as { opening_times: unknown };
		expect(v221.HoursSchema.safeParse(fragment.opening_times).success).toBe(true);
	});

	it('accepts the DisplayText example', () => {
		expect(v221.DisplayTextSchema.safeParse(read('2.2.1/type_displaytext_example.json')).success).toBe(true);
	});

	it('refuses the known-broken PUT "add EVSE" example for the right reasons', () => {
		const result = validateOcpiObject(read('2.2.1/location_put_example_add_evse.json'), {
			version: '2.2.1',
			kind: 'evse',
			profile: 'spec',
		});
		const found = result.errors.map((issue) => `${issue.path} ${issue.code}`);
		expect(found).toEqual(
			expect.arrayContaining([
				'connectors[0].power_type required',
				'connectors[0].max_voltage required',
				'connectors[0].max_amperage required',
				'connectors[0].last_updated required',
				'physical_reference wrong_type',
			]),
		);
		expect(result.warnings.map((issue) => `${issue.path} ${issue.code}`)).toContain('floor unknown_field');
	});
});

describe('official OCPI 2.1.1 example', () => {
	it('is refused for exactly the defects SOURCES.md lists', () => {
		const result = validateOcpiObject(read('2.1.1/location_example.json'), { version: '2.1.1', kind: 'location', profile: 'spec' });
		expect(result.errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'coordinates.latitude invalid_format',
			'coordinates.longitude invalid_format',
			'evses[1].connectors[0].last_updated required',
		]);
		expect(result.warnings.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'evses[0].id unknown_field',
			'evses[1].connectors[0].status unknown_field',
			'evses[1].id unknown_field',
		]);
	});

	it('is accepted once those defects are repaired', () => {
		const example = read('2.1.1/location_example.json') as any;
		example.coordinates = { latitude: '51.047590', longitude: '3.729940' };
		for (const evse of example.evses) {
			evse.evse_id = evse.id;
			delete evse.id;
		}
		delete example.evses[1].connectors[0].status;
		example.evses[1].connectors[0].last_updated = '2015-03-18T08:12:01Z';
		expect(v211.LocationSchema.safeParse(example).success).toBe(true);
	});
});
