import { mapStatus, STATUS_PRESET } from '../../../../core/mapping/transforms/status';
import { createValueMap } from '../../../../core/mapping/transforms/valueMap';

const map = (() => {
	const created = createValueMap(STATUS_PRESET);
	if (!created.ok) throw new Error(created.reason);
	return created.value;
})();

describe('mapStatus', () => {
	it.each([
		['in service', 'AVAILABLE'],
		['Operational', 'AVAILABLE'],
		['active', 'AVAILABLE'],
		['available', 'AVAILABLE'],
		['FREE', 'AVAILABLE'],
		['charging', 'CHARGING'],
		['occupied', 'CHARGING'],
		['in-use', 'CHARGING'],
		['faulty', 'OUTOFORDER'],
		['Out of Order', 'OUTOFORDER'],
		['error', 'OUTOFORDER'],
		['broken', 'OUTOFORDER'],
		['inoperative', 'INOPERATIVE'],
		['disabled', 'INOPERATIVE'],
		['maintenance', 'INOPERATIVE'],
		['blocked by operator', 'INOPERATIVE'],
		['planned', 'PLANNED'],
		['under construction', 'PLANNED'],
		['commissioning', 'PLANNED'],
		['decommissioned', 'REMOVED'],
		['removed', 'REMOVED'],
		['deleted', 'REMOVED'],
		['retired', 'REMOVED'],
		['reserved', 'RESERVED'],
		['blocked', 'BLOCKED'],
		['unknown', 'UNKNOWN'],
		['offline', 'UNKNOWN'],
		['OUTOFORDER', 'OUTOFORDER'],
	])('%j → %s', (raw, status) => {
		expect(mapStatus(map, raw)).toEqual({ ok: true, value: status });
	});

	it.each([
		['kaputt', "status 'kaputt' has no OCPI Status value: add the row 'kaputt' → <OCPI Status value> to the Status value map (Value Map Additions)"],
		[null, 'status is empty: fill it in the source data'],
	])('refuses %j', (raw, reason) => {
		expect(mapStatus(map, raw)).toEqual({ ok: false, reason });
	});

	it('names the field it was given', () => {
		expect(mapStatus(map, 'kaputt', 'EVSE state')).toEqual({
			ok: false,
			reason: "EVSE state 'kaputt' has no OCPI Status value: add the row 'kaputt' → <OCPI Status value> to the Status value map (Value Map Additions)",
		});
	});
});
