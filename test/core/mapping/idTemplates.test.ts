/** EVSE uid and connector id templates, and the ids profiles without templates keep. */
import { mapAssets, MappingSetupError } from '../../../core/mapping';
import { compileIdTemplate } from '../../../core/mapping/idTemplates';
import { depotSite, NOW, profileWith } from './helpers';

type Json = Record<string, any>;

/** Twin AC outlets that are two EVSEs (sides L and R), and a DC unit whose two plugs share one EVSE. */
function site(): Json {
	const ac = (side: string, no: number) => ({ no, side, plug: 'Typ 2', kw: 22, current: 'AC', phases: 3, amps: 32 });
	const dc = (no: number, plug: string) => ({ no, side: 'DC', plug, kw: 50, current: 'DC', volts: 500, amps: 125 });
	return {
		...depotSite(),
		chargers: [
			{ charger_id: 'CP-17', outlets: [ac('L', 1), ac('R', 2)] },
			{ charger_id: 'CP-18', outlets: [dc(1, 'CCS'), dc(2, 'CHAdeMO')] },
		],
	};
}

function tree(ids?: Json, extra: Json = {}) {
	const profile = profileWith({ evseGranularity: 'outlet', keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no', evseGroup: 'side' }, ...(ids ? { ids } : {}), ...extra });
	const result = mapAssets([site()], profile, { now: NOW });
	const evses = (result.locations[0]?.location.evses ?? []) as Json[];
	return { result, tree: evses.map((evse) => [evse.uid, evse.connectors.map((connector: Json) => connector.id)]) };
}

describe('EVSE uid and connector id templates', () => {
	it('{chargePoint}[-{bay}] names the EVSEs as the asset system does: CP-17-L, CP-17-R and CP-18', () => {
		expect(tree({ evseUid: '{chargePoint}[-{bay}]' }).tree).toEqual([
			['CP-17-L', ['1']],
			['CP-17-R', ['2']],
			['CP-18', ['1', '2']],
		]);
	});

	it('a profile without templates keeps the uids of earlier versions ({chargePoint}-{bay})', () => {
		expect(tree().tree).toEqual([
			['CP-17-L', ['1']],
			['CP-17-R', ['2']],
			['CP-18-DC', ['1', '2']],
		]);
	});

	it('writes connector ids from their template', () => {
		expect(tree({ evseUid: '{chargePoint}-{bay}', connectorId: '{bay}{connector}' }).tree).toEqual([
			['CP-17-L', ['L1']],
			['CP-17-R', ['R2']],
			['CP-18-DC', ['DC1', 'DC2']],
		]);
	});

	it('refuses a record whose uid another charge point already has, naming both and the template', () => {
		const data = site();
		data.chargers.push({ charger_id: 'CP-17-L', outlets: [{ no: 1, side: 'X', plug: 'Typ 2', kw: 11, current: 'AC', phases: 3, amps: 16 }] });
		const result = mapAssets([data], profileWith({ evseGranularity: 'outlet', keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no', evseGroup: 'side' }, ids: { evseUid: '{chargePoint}[-{bay}]' } }), { now: NOW });
		expect(result.locations[0].notes).toEqual(
			expect.arrayContaining([
				"not mapped from item 0: EVSE uid 'CP-17-L' at location 'S-1' is written for charge point 'CP-17' bay 'L' and for charge point 'CP-17-L' bay 'X': change the EVSE UID template ({chargePoint}[-{bay}]) so they differ",
			]),
		);
	});

	it.each([
		['{chargePoint}-{side}', 'outlet', /the EVSE uid template names \{side\}: use \{chargePoint\}, \{bay\}, \{connector\}, \{location\}/],
		['{chargePoint}[-{bay}', 'outlet', /has a \[ or \] without its pair/],
		['{chargePoint}', 'outlet', /names no \{bay\}: with one EVSE per outlet the EVSEs of a charge point would get the same uid; use \{chargePoint\}\[-\{bay\}\]/],
		['{chargePoint}-{bay}', 'chargePoint', /names \{bay\} or \{connector\}, but each charge point is one EVSE/],
	])('refuses the template %s with %s granularity', (evseUid, evseGranularity, message) => {
		const profile = profileWith({ evseGranularity: evseGranularity as 'outlet', keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no' }, ids: { evseUid } });
		expect(() => mapAssets([site()], profile, { now: NOW })).toThrow(MappingSetupError);
		expect(() => mapAssets([site()], profile, { now: NOW })).toThrow(message);
	});

	it('renders the bracketed part only for a charge point with more than one EVSE', () => {
		const compiled = compileIdTemplate('{location}/{chargePoint}[-{bay}]', 'EVSE uid');
		expect(compiled.ok).toBe(true);
		if (!compiled.ok) return;
		const values = { location: 'S', chargePoint: 'CP', bay: 'L', connector: '1' };
		expect([compiled.value.render(values, true), compiled.value.render(values, false)]).toEqual(['S/CP-L', 'S/CP']);
	});
});
