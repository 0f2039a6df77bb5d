/** Field rows that fit real data: fallbacks, level variables in expressions, and messages that find the fix. */
import { mapAssets, type MappingProfileInput } from '../../../core/mapping';
import { levelRewriter, missingReads } from '../../../core/mapping/levelExpressions';
import type { ConnectorRecord } from '../../../core/mapping/shapes';
import { depotSite, NOW, profileWith } from './helpers';

type Json = Record<string, any>;

/** A DC unit and an AC unit whose voltage sits in a field named by the kind of outlet. */
function site(): Json {
	return {
		...depotSite(),
		chargers: [
			{ charger_id: 'AC-1', outlets: [{ no: 1, plug: 'Typ 2', kw: 22, current: 'AC', phases: 3, voltsLN: 230, amps: 32 }] },
			{ charger_id: 'DC-1', outlets: [{ no: 1, plug: 'CCS', kw: 150, current: 'DC', voltsDC: 920, amps: 200 }, { no: 2, plug: 'CHAdeMO', kw: 50, current: 'DC', voltsDC: 500, amps: 125 }] },
		],
	};
}

const sites = (connector: Json, extra: Partial<MappingProfileInput> = {}) => profileWith({ fields: { location: { city: { source: 'town' } }, evse: {}, connector }, ...extra });

/** Why records were not used: whole items on Unmappable, parts of used items in their Location's notes. */
function problems(result: ReturnType<typeof mapAssets>): string[] {
	const partial = result.locations.flatMap((mapped) => mapped.notes).filter((note) => note.startsWith('not mapped from item'));
	return [...result.unmappable.flatMap((item) => item.reasons), ...partial.map((note) => note.replace(/^not mapped from item \d+: /, ''))];
}

function connectors(result: ReturnType<typeof mapAssets>): Json[] {
	return (result.locations[0]?.location.evses as Json[] | undefined ?? []).flatMap((evse) => evse.connectors);
}

describe('source fallbacks', () => {
	it("'voltsLN | voltsLL | voltsDC' takes the first filled field of each outlet", () => {
		const result = mapAssets([site()], sites({ max_voltage: { source: 'voltsLN | voltsLL | voltsDC' } }), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(connectors(result).map((connector) => [connector.standard, connector.max_voltage])).toEqual([
			['IEC_62196_T2', 230],
			['IEC_62196_T2_COMBO', 920],
			['CHADEMO', 500],
		]);
	});
});

describe('level variables in expression sources', () => {
	const record = (at: ConnectorRecord['at']): ConnectorRecord => ({ sourceIndex: 0, site: {}, chargePoint: {}, outlet: {}, at });

	it('rewrites $outlet, $chargePoint and $site into the path of that level inside the item', () => {
		const rewrite = levelRewriter(profileWith({ paths: { records: 'data.items', chargePoints: 'chargers', connectors: 'outlets' } }));
		expect(rewrite('={{ $outlet.voltsDC ?? $chargePoint.volts ?? $site.volts }}', record({ record: 3, chargePoint: 1, outlet: 0 }))).toBe(
			'={{ $json["data"]["items"][3]["chargers"][1]["outlets"][0].voltsDC ?? $json["data"]["items"][3]["chargers"][1].volts ?? $json["data"]["items"][3].volts }}',
		);
		expect(rewrite('={{ $json.x + $outletName }}', record({ record: 0 }))).toBe('={{ $json.x + $outletName }}');
	});

	it('keeps the item itself for every level of a flat row, and the charge point for its outlets', () => {
		expect(levelRewriter(profileWith({ shape: 'rows' }))('={{ $outlet.kw }}', record({}))).toBe('={{ $json.kw }}');
		const chargePoints = levelRewriter(profileWith({ shape: 'chargePoints' }));
		expect(chargePoints('={{ $outlet.kw + $chargePoint.kw + $site.kw }}', record({ outlet: 2 }))).toBe('={{ $json["outlets"][2].kw + $json.kw + $json.kw }}');
	});

	it('names the reads that find no field, not those that find an empty one', () => {
		const outlet = { voltsDC: 500, voltsLL: '' };
		const found = { sourceIndex: 0, site: { siteRef: { id: 'S' } }, chargePoint: {}, outlet };
		expect(missingReads('={{ $outlet.voltsLN ?? $outlet.voltsLL ?? $site.siteRef.name ?? $json.siteRef.id }}', found)).toEqual(['$outlet.voltsLN', '$site.siteRef.name']);
	});

	it('notes an optional field whose expression reads a field the record does not have', () => {
		const profile = sites({ terms_and_conditions: { source: '={{ $json.terms }}' }, max_voltage: { source: 'voltsLN | voltsDC' } });
		const evaluate = () => undefined;
		const notes = mapAssets([site()], profile, { now: NOW, evaluate }).locations[0].notes;
		expect(notes).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^terms_and_conditions left empty: its expression reads \$json\.terms, which the item does not have \(\$json is the whole item: use \$outlet for this outlet\) \(connectors AC-1\/1, DC-1\/1, DC-1\/2\)$/),
			]),
		);
	});
});

describe('messages for a missing value name the source, the record and the fix', () => {
	it('a mapped source that is empty on this outlet, with the similar filled fields and the row to write', () => {
		const result = mapAssets([site()], sites({ max_voltage: { source: 'voltsLL' } }), { now: NOW });
		expect(problems(result)).toEqual([
			"connector '1' of EVSE 'DC-1' at location 'S-1': max_voltage is missing: the mapped source 'voltsLL' is not a field of this outlet; filled fields with similar names: voltsDC = 920. Map 'voltsLL | voltsDC' (the first filled one is used) or set a default",
			"connector '2' of EVSE 'DC-1' at location 'S-1': max_voltage is missing: the mapped source 'voltsLL' is not a field of this outlet; filled fields with similar names: voltsDC = 500. Map 'voltsLL | voltsDC' (the first filled one is used) or set a default",
		]);
	});

	it('an expression that gives nothing names the read that found no field', () => {
		const result = mapAssets([site()], sites({ max_voltage: { source: '={{ $outlet.voltsLL }}' } }), { now: NOW, evaluate: () => undefined });
		expect(problems(result)[0]).toBe(
			"connector '1' of EVSE 'DC-1' at location 'S-1': max_voltage is missing: the mapped expression gives nothing on this outlet: it reads $outlet.voltsLL, which this outlet does not have; filled fields with similar names: voltsDC = 920. Map 'voltsDC' (the first filled one is used) or set a default",
		);
	});

	it('no source at all: says auto-mapping found none and names the filled look-alikes on the site', () => {
		const data = site();
		data.Strasse_Hausnummer = 'Hafenstraße 1';
		delete data.street;
		const result = mapAssets([data], sites({}), { now: NOW });
		expect(result.unmappable[0].reasons[0]).toBe(
			"location 'S-1': address is missing: no source is mapped and auto-mapping found none of address, street, street_address, addr; filled fields with similar names: Strasse_Hausnummer = 'Hafenstraße 1'. Map 'Strasse_Hausnummer' (the first filled one is used) or set a default",
		);
	});
});

describe('value maps: words in German, French, Dutch and Spanish, and "did you mean"', () => {
	const statusOf = (word: string) => {
		const data = site();
		data.chargers[0].state = word;
		const result = mapAssets([data], sites({ max_voltage: { source: 'voltsLN | voltsDC' } }), { now: NOW });
		return (result.locations[0].location.evses as Json[])[0].status;
	};

	it.each([
		['außer Betrieb', 'OUTOFORDER'],
		['in Wartung', 'INOPERATIVE'],
		['stillgelegt', 'REMOVED'],
		['en service', 'AVAILABLE'],
		['hors service', 'OUTOFORDER'],
		['en construction', 'PLANNED'],
		['buiten gebruik', 'OUTOFORDER'],
		['in aanbouw', 'PLANNED'],
		['beschikbaar', 'AVAILABLE'],
		['fuera de servicio', 'OUTOFORDER'],
		['dado de baja', 'REMOVED'],
		['en mantenimiento', 'INOPERATIVE'],
	])('status %s → %s', (word, status) => {
		expect(statusOf(word)).toBe(status);
	});

	it.each([
		['Tipo 2', 'IEC_62196_T2', 'SOCKET'],
		['Haushaltssteckdose', 'DOMESTIC_F', 'SOCKET'],
		['prise domestique', 'DOMESTIC_E', 'SOCKET'],
		['Typ 2 met kabel', 'IEC_62196_T2', 'CABLE'],
		['Tipo 2 con cable', 'IEC_62196_T2', 'CABLE'],
		['Type 2 avec câble', 'IEC_62196_T2', 'CABLE'],
	])('plug %s → %s %s', (plug, standard, format) => {
		const data = site();
		data.chargers[0].outlets[0].plug = plug;
		const result = mapAssets([data], sites({ max_voltage: { source: 'voltsLN | voltsDC' } }), { now: NOW });
		expect(connectors(result)[0]).toMatchObject({ standard, format });
	});

	it('a word not in the map suggests the closest preset values and the exact row to add, naming the record', () => {
		const data = site();
		data.chargers[0].outlets[0].plug = 'Typ2 Steckr';
		const result = mapAssets([data], sites({ max_voltage: { source: 'voltsLN | voltsDC' } }), { now: NOW });
		expect(problems(result)).toEqual([
			"connector '1' of EVSE 'AC-1' at location 'S-1': plug type 'Typ2 Steckr' has no OCPI ConnectorType value: did you mean IEC_62196_T2 SOCKET? Add the row 'Typ2 Steckr' → IEC_62196_T2 SOCKET to the Connector Standard value map (Value Map Additions)",
		]);
	});

	it('a numeric message names the unit', () => {
		const data = site();
		data.chargers[1].outlets[0].amps = 'hoch';
		const result = mapAssets([data], sites({ max_voltage: { source: 'voltsLN | voltsDC' } }), { now: NOW });
		expect(problems(result)).toEqual(["connector '1' of EVSE 'DC-1' at location 'S-1': max_amperage ('amps') 'hoch' holds no digits: give a number like '32 A'"]);
	});
});
