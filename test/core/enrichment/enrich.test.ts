import { enrichOcpiObject, type EnrichmentOptions } from '../../../core/enrichment/enrich';
import { OCPI_OBJECT_KINDS, OCPI_VERSIONS } from '../../../core/ocpi/version';

const ALL_ON: EnrichmentOptions = {
	defaults: true,
	countryCodes: true,
	timeZone: true,
	coordinates: true,
	evseId: 'lenient',
	referenceData: { keyField: 'id', rows: { L1: { country: 'Nederland', coordinates: { latitude: 52.37, longitude: '4,89' } } } },
	now: new Date('2025-01-01T12:00:00Z'),
};

describe('enrichOcpiObject', () => {
	it('runs the steps in order: reference data, countries, coordinates, time zone, evse_id, defaults', () => {
		const { object, changes } = enrichOcpiObject({ id: 'L1', evses: [{ evse_id: 'nl-abc-e1' }] }, 'location', '2.2.1', ALL_ON);
		expect(object).toEqual({
			id: 'L1',
			country: 'NLD',
			coordinates: { latitude: '52.370000', longitude: '4.890000' },
			time_zone: 'Europe/Amsterdam',
			evses: [{ evse_id: 'NL*ABC*E1', last_updated: '2025-01-01T12:00:00Z' }],
			publish: true,
			charging_when_closed: true,
			last_updated: '2025-01-01T12:00:00Z',
		});
		expect(changes.map((change) => [change.path, change.to])).toEqual([
			['country', 'Nederland'],
			['coordinates', { latitude: 52.37, longitude: '4,89' }],
			['country', 'NLD'],
			['coordinates.latitude', '52.370000'],
			['coordinates.longitude', '4.890000'],
			['time_zone', 'Europe/Amsterdam'],
			['evses[0].evse_id', 'NL*ABC*E1'],
			['publish', true],
			['charging_when_closed', true],
			['last_updated', '2025-01-01T12:00:00Z'],
			['evses[0].last_updated', '2025-01-01T12:00:00Z'],
		]);
	});

	it('never mutates its input', () => {
		const input = {
			id: 'L1',
			country: 'Deutschland',
			coordinates: { latitude: 52.52, longitude: 13.4 },
			evses: [{ evse_id: 'de-abc-e1', connectors: [{ id: '1' }] }],
		};
		const snapshot = structuredClone(input);
		const { object } = enrichOcpiObject(input, 'location', '2.2.1', ALL_ON);
		expect(input).toEqual(snapshot);
		expect(object).not.toBe(input);
	});

	it('returns everything unchanged when no switch is on', () => {
		const input = { country: 'Germany', coordinates: { latitude: 1, longitude: 2 } };
		expect(enrichOcpiObject(input, 'location', '2.2.1', {})).toEqual({ object: input, changes: [] });
		expect(enrichOcpiObject(input, 'location', '2.2.1', { evseId: 'off' })).toEqual({ object: input, changes: [] });
	});

	const junk: unknown[] = [
		null,
		undefined,
		'a string',
		42,
		true,
		[],
		[{ id: 'L1' }],
		{ evses: 'x' },
		{ evses: [null, 1, 'x', [], { connectors: 'x' }, { connectors: [null, [], 3] }] },
		{ coordinates: [52, 13], related_locations: { latitude: 1 }, country: { name: 'DE' }, time_zone: 5, evse_id: [] },
		{ id: { nested: true }, last_updated: { not: 'a date' }, publish: 'yes' },
		{ fn: () => 1 },
		JSON.parse('{"__proto__": {"polluted": true}, "id": "L1"}'),
	];

	it.each(OCPI_OBJECT_KINDS.flatMap((kind) => OCPI_VERSIONS.map((version) => [kind, version] as const)))(
		'never throws on junk input (%s, %s)',
		(kind, version) => {
			for (const input of junk) {
				expect(() => enrichOcpiObject(input, kind, version, ALL_ON)).not.toThrow();
			}
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		},
	);

	it('never throws on junk options', () => {
		const input = { id: 'L1', coordinates: { latitude: 52, longitude: 13 } };
		for (const options of [null, undefined, 'x', { referenceData: null }, { referenceData: 'x' }, { now: 'yesterday', defaults: true }]) {
			expect(() => enrichOcpiObject(input, 'location', '2.2.1', options as unknown as EnrichmentOptions)).not.toThrow();
		}
		const { object } = enrichOcpiObject({}, 'connector', '2.2.1', { defaults: true, now: new Date('invalid') });
		expect((object as { last_updated: string }).last_updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('leaves what it cannot understand for the validator', () => {
		const input = { country: 'Atlantis', coordinates: { latitude: '95.0', longitude: 'east' }, evses: [{ evse_id: 'DE-ABC-123' }] };
		const { object, changes } = enrichOcpiObject(input, 'location', '2.2.1', { ...ALL_ON, defaults: false, referenceData: undefined });
		expect(object).toEqual(input);
		expect(changes).toEqual([]);
	});

	it('hands back data that can be copied neither by structuredClone nor as JSON untouched, with no changes', () => {
		const input: Record<string, unknown> = { id: 'L1', handler: () => 1 };
		input.self = input;
		const result = enrichOcpiObject(input, 'location', '2.2.1', ALL_ON);
		expect(result.object).toBe(input);
		expect(result.changes).toEqual([]);
	});
});

describe('enrichOcpiObject with proxied input', () => {
	it('enriches objects handed over as proxies (as sandboxes such as the n8n Code node do)', () => {
		const wrap = <T extends object>(target: T): T =>
			new Proxy(target, {
				get: (t, key) => {
					const value = Reflect.get(t, key);
					return value !== null && typeof value === 'object' ? wrap(value) : value;
				},
			});
		const input = wrap({ id: 'LOC-1', country: 'Germany', coordinates: { latitude: 52.52, longitude: 13.405 } });
		const { object, changes } = enrichOcpiObject(input, 'location', '2.2.1', { countryCodes: true, coordinates: true });
		expect(object).toMatchObject({ country: 'DEU', coordinates: { latitude: '52.520000', longitude: '13.405000' } });
		expect(changes.map((change) => change.path)).toEqual(['country', 'coordinates.latitude', 'coordinates.longitude']);
	});
});
