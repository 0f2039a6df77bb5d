import { exportIrve, IRVE_COLUMNS, checkCell, fileProblems, validSiren } from '../../../core/export/irve';
import { parisLocation, parisReference } from './frenchNetwork';
import { readCsv } from './readCsv';

describe('IRVE statique export', () => {
	it('writes one row per EVSE with the station fields repeated, and every cell passes its column rules', () => {
		const result = exportIrve([parisLocation()], { referenceTable: parisReference() });
		expect(result.withheld).toEqual([]);
		const records = readCsv(result.csv);
		expect(Object.keys(records[0])).toHaveLength(40);
		expect(IRVE_COLUMNS.filter((column) => column.required)).toHaveLength(23);
		expect(records).toHaveLength(2);
		expect(records[0]).toMatchObject({
			id_station_itinerance: 'FRA68PPAR0001',
			id_pdc_itinerance: 'FRA68E00010011',
			id_pdc_local: 'PAR-0001-AC1-1',
			coordonneesXY: '[2.3522,48.8566]',
			adresse_station: '1 avenue de la Paix 75001 Paris',
			horaires: 'Mo-Fr 08:00-12:00,14:00-18:00',
			implantation_station: 'Parking public',
			nbre_pdc: '2',
			puissance_nominale: '22',
			prise_type_2: 'true',
			prise_type_combo_ccs: 'false',
			paiement_cb: 'true',
			cable_t2_attache: 'false',
			code_insee_commune: '75101',
			date_maj: '2026-03-01',
		});
		expect(records[1]).toMatchObject({ id_pdc_itinerance: 'FRA68E00010021', puissance_nominale: '150', prise_type_combo_ccs: 'true', prise_type_chademo: 'true', paiement_cb: '', paiement_acte: 'true' });
		expect(result.csv).toContain(',"[2.3522,48.8566]",');
		for (const record of records) {
			for (const column of IRVE_COLUMNS) expect(checkCell(column, record[column.name] === '' ? undefined : record[column.name])).toEqual([]);
		}
		expect(result.stations).toEqual([expect.objectContaining({ locationId: 'PAR-0001', stationId: 'FRA68PPAR0001', rows: 2 })]);
	});

	it('reports required data found nowhere per station and withholds the station, never writing a placeholder', () => {
		const reference = parisReference();
		delete reference['*'].siren_amenageur;
		delete reference['*'].telephone_operateur;
		delete reference['PAR-0001'].code_insee_commune;
		const result = exportIrve([parisLocation()], { referenceTable: reference });
		expect(result.rows).toEqual([]);
		expect(result.csv.trim().split('\n')).toHaveLength(1);
		expect(result.withheld).toHaveLength(1);
		const problems = result.withheld[0].problems;
		expect(problems.map((p) => [p.rule, p.field])).toEqual([
			['QC-7', 'siren_amenageur'],
			['QC-6', 'telephone_operateur'],
			['QC-2', 'code_insee_commune'],
		]);
		expect(problems[0].message).toContain('add "siren_amenageur" to the reference table');
	});

	it("takes the item's own _afir data over its reference row, and the row over '*'", () => {
		const location = parisLocation({ _afir: { nom_enseigne: 'Ampère Paris' } });
		const reference = parisReference();
		reference['PAR-0001'].restriction_gabarit = 'Hauteur maximale 1,90 m';
		const [row] = exportIrve([location], { referenceTable: reference }).rows;
		expect(row).toMatchObject({ nom_enseigne: 'Ampère Paris', restriction_gabarit: 'Hauteur maximale 1,90 m', contact_operateur: 'support@ampere-recharge.fr' });
	});

	it('skips Locations outside France and lists them', () => {
		const berlin = parisLocation({ id: 'BER-0001', country: 'DEU' });
		const result = exportIrve([berlin, parisLocation()], { referenceTable: parisReference() });
		expect(result.skipped).toEqual([{ locationId: 'BER-0001', country: 'DE' }]);
		expect(result.stations.map((station) => station.locationId)).toEqual(['PAR-0001']);
	});

	it('leaves REMOVED EVSEs out and counts only live ones in nbre_pdc', () => {
		const location = parisLocation();
		(location.evses as Array<Record<string, unknown>>)[1].status = 'REMOVED';
		const result = exportIrve([location], { referenceTable: parisReference() });
		expect(result.rows.map((row) => [row.id_pdc_itinerance, row.nbre_pdc])).toEqual([['FRA68E00010011', 1]]);
	});
});

describe('IRVE column rules (schema 2.3.1), each with a failing row', () => {
	const cases: Array<[string, string, Record<string, unknown>]> = [
		['IRVE:required', 'contact_operateur', { contact_operateur: '' }],
		['IRVE:type', 'contact_operateur', { contact_operateur: 'support at ampere' }],
		['IRVE:pattern', 'siren_amenageur', { siren_amenageur: '73282932' }],
		['IRVE:pattern', 'code_insee_commune', { code_insee_commune: '2C123' }],
		['IRVE:enum', 'condition_acces', { condition_acces: 'Libre' }],
		['IRVE:enum', 'accessibilite_pmr', { accessibilite_pmr: 'Oui' }],
		['IRVE:enum', 'raccordement', { raccordement: 'Direkt' }],
		['IRVE:type', 'station_deux_roues', { station_deux_roues: 'non' }],
		['IRVE:type', 'date_mise_en_service', { date_mise_en_service: '2026-02-30' }],
		['IRVE:pattern', 'id_station_itinerance', { id_station_itinerance: 'FR*A68*P1' }],
	];
	it.each(cases)('%s on %s', (rule, field, data) => {
		const reference = parisReference();
		reference['PAR-0001'] = { ...reference['PAR-0001'], ...data };
		if (data.contact_operateur === '') delete reference['*'].contact_operateur;
		const result = exportIrve([parisLocation()], { referenceTable: reference });
		expect(result.rows).toEqual([]);
		expect(result.withheld[0].problems).toEqual(expect.arrayContaining([expect.objectContaining({ rule, field })]));
	});

	it('checks number, integer, minimum and geopoint cells', () => {
		const column = (name: string) => IRVE_COLUMNS.find((c) => c.name === name)!;
		expect(checkCell(column('puissance_nominale'), '22,5')[0].rule).toBe('IRVE:type');
		expect(checkCell(column('nbre_pdc'), '2.5')[0].rule).toBe('IRVE:type');
		expect(checkCell(column('nbre_pdc'), -1)[0].rule).toBe('IRVE:minimum');
		expect(checkCell(column('coordonneesXY'), '48.85,2.35')[0].rule).toBe('IRVE:type');
		expect(checkCell(column('coordonneesXY'), '[2.35,148.85]')[0].rule).toBe('IRVE:type');
		expect(checkCell(column('horaires'), 'toujours')[0].rule).toBe('IRVE:pattern');
	});
});

describe('QualiCharge rules, each with a failing row', () => {
	type Case = [string, (location: Record<string, unknown>, reference: ReturnType<typeof parisReference>) => Record<string, unknown>[]];
	const evses = (location: Record<string, unknown>) => location.evses as Array<Record<string, unknown>>;
	const firstConnector = (location: Record<string, unknown>) => (evses(location)[0].connectors as Array<Record<string, unknown>>)[0];
	const cases: Case[] = [
		['QC-1', (l) => ((firstConnector(l).max_electric_power = 4_000_000), [l])],
		['QC-39', (l) => ((firstConnector(l).max_electric_power = 1200), [l])],
		['QC-3', (l) => [{ ...l, coordinates: { latitude: '52.520000', longitude: '13.405000' } }]],
		['QC-20', (l, r) => (delete r['PAR-0001'].num_pdl, [l])],
		['QC-23', (l, r) => ((r['PAR-0001'].id_station_itinerance = 'DEA68P0001'), [l])],
		['QC-24', (l) => ((evses(l)[0].evse_id = 'DE*A68*E0001'), [l])],
		['QC-55', (l, r) => ((r['*'].siren_amenageur = '732829321'), [l])],
		['QC-30', (l) => [{ ...l, evses: Array.from({ length: 50 }, (_, i) => ({ ...evses(l)[0], uid: `E${i}`, evse_id: `FR*A68*E9${i}` })) }]],
		['QC-48', (l) => [l, { ...parisLocation({ id: 'PAR-0002', operator: { name: 'Autre Opérateur' } }), evses: evses(l).map((e, i) => ({ ...e, evse_id: `FR*A68*E7${i}` })) }]],
		['QC-54', (l, r) => ((r['PAR-0002'] = { ...r['PAR-0001'], nom_amenageur: 'Autre SAS' }), [l, { ...parisLocation({ id: 'PAR-0002', coordinates: { latitude: '48.900000', longitude: '2.300000' } }), evses: evses(l).map((e, i) => ({ ...e, evse_id: `FR*A68*E7${i}` })) }])],
		['QC-CR1', (l, r) => ((r['PAR-0001'].id_station_itinerance = 'FRA68PX'), (r['PAR-0002'] = { ...r['PAR-0001'] }), [{ ...l, evses: [evses(l)[0]] }, { ...l, id: 'PAR-0002', name: 'Autre nom', evses: [evses(l)[1]] }])],
		['QC-CR2', (l, r) => ((r['PAR-0002'] = { ...r['PAR-0001'], code_insee_commune: '75102' }), [l, { ...parisLocation({ id: 'PAR-0002' }), evses: evses(l).map((e, i) => ({ ...e, evse_id: `FR*A68*E7${i}` })) }])],
		['IRVE:unique', (l) => [l, { ...parisLocation({ id: 'PAR-0002', coordinates: { latitude: '48.900000', longitude: '2.300000' } }) }]],
	];
	it.each(cases)('%s', (rule, arrange) => {
		const reference = parisReference();
		const locations = arrange(parisLocation(), reference);
		const result = exportIrve(locations, { referenceTable: reference });
		const rules = result.withheld.flatMap((withheld) => withheld.problems.map((p) => p.rule));
		expect(rules).toContain(rule);
	});

	it('passes the valid station through every rule', () => {
		expect(exportIrve([parisLocation()], { referenceTable: parisReference() }).withheld).toEqual([]);
	});

	it('QC-47 (the export derives nbre_pdc from the rows it writes, so a failing row is built by hand)', () => {
		const [row] = exportIrve([parisLocation()], { referenceTable: parisReference() }).rows;
		expect(fileProblems([{ ...row, nbre_pdc: 3 }]).map((p) => p.rule)).toEqual(['QC-47']);
	});

	it('validates SIREN check digits', () => {
		expect(validSiren('732829320')).toBe(true);
		expect(validSiren('732829321')).toBe(false);
	});
});
