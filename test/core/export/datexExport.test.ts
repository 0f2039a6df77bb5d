import { datex } from '../../../core/export';
import { generateSampleNetwork } from '../../../servers/sample-asset-api/sampleNetwork';
import { sampleLocations } from './sampleNetworkLocations';

type Json = Record<string, any>;

const NOW = new Date('2026-03-02T08:00:00Z');
const CREATOR = { country: 'DE', nationalIdentifier: 'DE-NAP-AmpereLaden' };

function sitesOf(publication: Json): Json[] {
	return publication.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable[0].energyInfrastructureSite;
}

/** idG → versionG of every versioned object. */
function versions(publication: Json): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (value: unknown) => {
		if (Array.isArray(value)) value.forEach(walk);
		else if (value && typeof value === 'object') {
			const object = value as Json;
			if (typeof object.idG === 'string') out[object.idG] = object.versionG;
			Object.values(object).forEach(walk);
		}
	};
	walk(publication);
	return out;
}

describe('DATEX II AFIR EnergyInfrastructureTablePublication export', () => {
	const locations = sampleLocations();
	const first = datex.exportDatex(locations, { publicationCreator: CREATOR, now: NOW });

	it('publishes every German site of the sample network and skips (and lists) the others', () => {
		expect(first.withheld).toEqual([]);
		const german = locations.filter((location) => location.country === 'DEU').map((location) => location.id);
		expect(german.length).toBeGreaterThan(10);
		expect(first.sites.map((site) => site.locationId)).toEqual(german);
		expect(first.skipped.map((skip) => skip.country).sort()).toEqual(expect.arrayContaining(['AT', 'CH', 'NL']));
		expect(first.skipped.some((skip) => skip.country === 'DE')).toBe(false);
		expect(sitesOf(first.publication)).toHaveLength(german.length);
		for (const site of sitesOf(first.publication)) expect(datex.siteProblems(site)).toEqual([]);
		expect(datex.publicationProblems(first.publication)).toEqual([]);
		expect(first.publication.payload).toMatchObject({ modelBaseVersionG: '3', profileNameG: 'AFIR Energy Infrastructure', profileVersionG: '01-00-00' });
		expect(JSON.parse(first.json)).toEqual(first.publication);
	});

	it("builds Site → Station (the asset system's charge point) → RefillPoint (EVSE) → Connector", () => {
		const chargers = generateSampleNetwork().filter((charger) => charger.site_id === 'BER-0001');
		const site = sitesOf(first.publication).find((candidate) => candidate.idG === 'DEAMP-BER-0001')!;
		expect(site.name).toEqual({ values: [{ lang: 'de', value: chargers[0].site_name }] });
		expect(site.locationReference.locPointLocation.locLocationExtensionG.facilityLocation.address).toMatchObject({ postcode: chargers[0].zip, countryCode: 'DE' });
		expect(site.operator.afacAnOrganisation.name.values[0].value).toBe('Ampere Laden GmbH');
		const stations: Json[] = site.energyInfrastructureStation;
		const live = chargers.filter((charger) => charger.state !== 'decommissioned');
		expect(stations.map((station) => station.idG)).toEqual(live.map((charger) => `DEAMP-BER-0001/${charger.charger_id}`));
		stations.forEach((station, index) => {
			const bays = new Set(live[index].outlets.map((outlet) => outlet.bay));
			expect(station.numberOfRefillPoints).toBe(bays.size);
			const connectors = station.refillPoint.flatMap((point: Json) => point.aegiElectricChargingPoint.connector);
			expect(connectors).toHaveLength(live[index].outlets.length);
			expect(connectors[0].maxPowerAtSocket).toBe(Number(live[index].outlets[0].kw) * 1000);
		});
		const point = stations[0].refillPoint[0].aegiElectricChargingPoint;
		expect(point).toMatchObject({ versionG: '1', deliveryUnit: { value: 'kWh' }, externalIdentifier: [{ identifier: expect.stringMatching(/^DEAMPE/), typeOfIdentifier: { value: 'extendedG', extendedValueG: 'evseId' } }] });
	});

	it('keeps every idG and versionG across two exports of unchanged data', () => {
		const again = datex.exportDatex(sampleLocations(generateSampleNetwork(), new Date('2026-03-02T12:00:00Z')), { publicationCreator: CREATOR, now: new Date('2026-03-03T08:00:00Z'), previous: JSON.parse(first.json) });
		expect(versions(again.publication)).toEqual(versions(first.publication));
		expect(Object.values(versions(again.publication)).every((version) => version === '1')).toBe(true);
		expect(sitesOf(again.publication)).toEqual(sitesOf(first.publication));
	});

	it("raises a changed station's version (and its refill point's), and nothing else", () => {
		const chargers = generateSampleNetwork();
		const changed = chargers.find((charger) => charger.site_id === 'BER-0001' && charger.state !== 'decommissioned')!;
		changed.outlets[0].kw = String(Number(changed.outlets[0].kw) - 1);
		const next = datex.exportDatex(sampleLocations(chargers), { publicationCreator: CREATOR, now: NOW, previous: first.publication });
		const before = versions(first.publication);
		const after = versions(next.publication);
		const raised = Object.keys(after).filter((id) => after[id] !== before[id]);
		const stationId = `DEAMP-BER-0001/${changed.charger_id}`;
		expect(after[stationId]).toBe('2');
		expect(raised.every((id) => id === stationId || id.startsWith(`${stationId}/`))).toBe(true);
		expect(raised.length).toBeGreaterThanOrEqual(2);
		expect(after['DEAMP-BER-0001']).toBe('1');
	});

	it('withholds a site it cannot publish and carries its previous state over, so it is never read as removed', () => {
		const broken = sampleLocations().map((location) => (location.id === 'BER-0001' ? { ...location, evses: (location.evses as Json[]).map(({ evse_id, ...evse }) => evse) } : location));
		const next = datex.exportDatex(broken, { publicationCreator: CREATOR, now: NOW, previous: first.publication });
		expect(next.withheld).toEqual([expect.objectContaining({ locationId: 'BER-0001', carriedOver: true, problems: expect.arrayContaining([expect.objectContaining({ rule: 'DATEX:mandatory', message: expect.stringContaining('EVSE id') })]) })]);
		expect(sitesOf(next.publication).find((site) => site.idG === 'DEAMP-BER-0001')).toEqual(sitesOf(first.publication).find((site) => site.idG === 'DEAMP-BER-0001'));
		const fresh = datex.exportDatex(broken, { publicationCreator: CREATOR, now: NOW });
		expect(fresh.withheld[0].carriedOver).toBe(false);
		expect(sitesOf(fresh.publication).some((site) => site.idG === 'DEAMP-BER-0001')).toBe(false);
	});

	it('keeps sites the input lacks unless told to drop them', () => {
		const without = sampleLocations().filter((location) => location.id !== 'BER-0001');
		const kept = datex.exportDatex(without, { publicationCreator: CREATOR, now: NOW, previous: first.publication });
		expect(kept.keptFromPrevious).toEqual(['DEAMP-BER-0001']);
		const dropped = datex.exportDatex(without, { publicationCreator: CREATOR, now: NOW, previous: first.publication, sitesNotInInput: 'drop' });
		expect(sitesOf(dropped.publication).some((site) => site.idG === 'DEAMP-BER-0001')).toBe(false);
		expect(versions(dropped.publication)['DE-NAP-AmpereLaden-table']).toBe('2');
	});

	it('writes opening hours with their standard-time UTC offset (stable across DST), and unknown hours as unknown', () => {
		const [location] = sampleLocations().filter((l) => l.country === 'DEU');
		const hours = { twentyfourseven: false, regular_hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, period_begin: '08:00', period_end: '20:00' })) };
		const withHours = datex.exportDatex([{ ...location, opening_times: hours }], { publicationCreator: CREATOR, now: NOW });
		const spec = sitesOf(withHours.publication)[0].operatingHours.afacOperatingHoursSpecification;
		expect(spec.overallPeriod.validPeriod).toEqual([
			{ recurringTimePeriodOfDay: [{ startTimeOfPeriod: '08:00:00+01:00', endTimeOfPeriod: '20:00:00+01:00' }], recurringDayWeekMonthPeriod: [{ comDayWeekMonth: { applicableDay: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((value) => ({ value })) } }] },
		]);
		expect(spec).toMatchObject({ idG: expect.any(String), versionG: '1' });
		const summer = datex.exportDatex([{ ...location, opening_times: hours }], { publicationCreator: CREATOR, now: new Date('2026-07-01T08:00:00Z'), previous: withHours.publication });
		expect(sitesOf(summer.publication)).toEqual(sitesOf(withHours.publication));
		const { opening_times: _none, ...noHours } = location;
		expect(sitesOf(datex.exportDatex([noHours], { publicationCreator: CREATOR, now: NOW }).publication)[0].operatingHours).toEqual({ afacUnknownOperatingHours: {} });
	});
});
