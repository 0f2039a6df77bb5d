/** The Mapper refuses ids by the model's length per OCPI version (core/ocpi/ids), not one number of its own. */
import { mapAssets } from '../../../core/mapping';
import { ID_MAX_LENGTH } from '../../../core/ocpi/ids';
import { validateOcpiObject } from '../../../core/validation/validate';
import { sampleRows } from '../../fixtures/assets/sampleAssets';
import { NOW, rowsProfile } from './helpers';

const CHARGER_39 = `CP-${'X'.repeat(36)}`;

function mapWithCharger(chargerId: string, ocpiVersion: '2.2.1' | '2.1.1') {
	const rows = sampleRows();
	rows[0].charger_id = chargerId;
	const profile = rowsProfile(ocpiVersion === '2.1.1' ? { ocpiVersion, party: undefined } : { ocpiVersion });
	return mapAssets(rows, profile, { now: NOW });
}

describe('Mapper: id length per OCPI version', () => {
	it('takes a 39-character EVSE uid in 2.1.1, where the model allows string(39), and the Validator agrees', () => {
		expect(CHARGER_39).toHaveLength(ID_MAX_LENGTH['2.1.1'].evse);
		const result = mapWithCharger(CHARGER_39, '2.1.1');
		expect(result.unmappable).toEqual([]);
		const location = result.locations.find((l) => l.sourceIndexes.includes(0))!.location;
		expect((location.evses as Array<{ uid: string }>).map((evse) => evse.uid)).toContain(CHARGER_39);
		expect(validateOcpiObject(location, { version: '2.1.1', kind: 'location', profile: 'spec' }).errors).toEqual([]);
	});

	it('refuses the same uid in 2.2.1 (CiString(36)), naming the limit', () => {
		const result = mapWithCharger(CHARGER_39, '2.2.1');
		expect(result.unmappable.map((item) => item.sourceIndex)).toEqual([0]);
		expect(result.unmappable[0].reasons.join(' ')).toContain('at most 36 plain ASCII characters');
	});

	it('refuses a 40-character uid in 2.1.1 too', () => {
		const result = mapWithCharger(`${CHARGER_39}Y`, '2.1.1');
		expect(result.unmappable[0].reasons.join(' ')).toContain('at most 39 plain ASCII characters');
	});
});
