import { osmOpeningHours } from '../../../core/export/shared/openingHours';

const day = (weekday: number, period_begin: string, period_end: string) => ({ weekday, period_begin, period_end });

describe('OCPI opening hours → OSM opening_hours', () => {
	it('24/7 stays 24/7, also when every day is open all day', () => {
		expect(osmOpeningHours({ twentyfourseven: true })).toEqual({ ok: true, value: '24/7' });
		expect(osmOpeningHours({ twentyfourseven: false, regular_hours: [1, 2, 3, 4, 5, 6, 7].map((d) => day(d, '00:00', '23:59')) })).toMatchObject({ value: '24/7' });
	});

	it('joins days with the same periods into ranges and lists split periods', () => {
		const hours = { twentyfourseven: false, regular_hours: [...[1, 2, 3, 4, 5].flatMap((d) => [day(d, '14:00', '18:00'), day(d, '08:00', '12:00')]), day(6, '09:00', '12:00')] };
		expect(osmOpeningHours(hours)).toEqual({ ok: true, value: 'Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00' });
	});

	it('keeps non-adjacent days apart and leaves closed days out', () => {
		const hours = { twentyfourseven: false, regular_hours: [day(1, '08:00', '18:00'), day(3, '08:00', '18:00'), day(7, '10:00', '16:00')] };
		expect(osmOpeningHours(hours)).toMatchObject({ value: 'Mo 08:00-18:00; We 08:00-18:00; Su 10:00-16:00' });
	});

	it('refuses what it cannot express and notes dated exceptions', () => {
		expect(osmOpeningHours(undefined)).toMatchObject({ ok: false });
		expect(osmOpeningHours({ twentyfourseven: false })).toMatchObject({ ok: false });
		expect(osmOpeningHours({ twentyfourseven: false, regular_hours: [day(8, '08:00', '18:00')] })).toMatchObject({ ok: false });
		expect(osmOpeningHours({ twentyfourseven: false, regular_hours: [day(1, '18:00', '08:00')] })).toMatchObject({ ok: false });
		expect(osmOpeningHours({ twentyfourseven: true, exceptional_closings: [{}] })).toMatchObject({ ok: true, note: expect.stringContaining('exceptional') });
	});
});
