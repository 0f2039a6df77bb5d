import { cleanText, cutToLength, toOcpiText } from '../../../../core/mapping/transforms/text';

describe('cleanText', () => {
	it.each<[unknown, string]>([
		['  Main Street 1 ', 'Main Street 1'],
		['Main\tStreet\r\n1', 'Main Street 1'],
		['Main    Street', 'Main Street'],
		['Straße\u00a0 12', 'Straße 12'],
		[1012, '1012'],
	])('%j → %j', (raw, value) => {
		expect(cleanText(raw, 'address')).toEqual({ ok: true, value });
	});

	it.each<[unknown, string]>([
		[undefined, 'address is empty: fill it in the source data'],
		[' \n ', 'address is empty: fill it in the source data'],
		['\u0000\u0001', 'address holds only control characters: fill it in the source data'],
		[{ street: 'x' }, 'address is an object, not text: map a text field to it'],
		[Number.NaN, 'address is NaN, not text: map a text field to it'],
	])('refuses %j', (raw, reason) => {
		expect(cleanText(raw, 'address')).toEqual({ ok: false, reason });
	});
});

describe('cutToLength', () => {
	it('keeps text that fits', () => {
		expect(cutToLength('Main Street 1', 45, 'address')).toEqual({ ok: true, value: 'Main Street 1' });
		expect(cutToLength('x'.repeat(45), 45, 'address')).toEqual({ ok: true, value: 'x'.repeat(45) });
	});

	it('never cuts silently', () => {
		expect(cutToLength('x'.repeat(52), 45, 'address')).toEqual({
			ok: true,
			value: 'x'.repeat(45),
			note: 'address cut from 52 to 45 characters',
		});
	});

	it('drops spaces left at the end by the cut and reports the real length', () => {
		expect(cutToLength('abcd efgh', 5, 'city')).toEqual({ ok: true, value: 'abcd', note: 'city cut from 9 to 4 characters' });
	});

	it('counts characters, not UTF-16 units', () => {
		expect(cutToLength('😀😀😀', 2, 'name')).toEqual({ ok: true, value: '😀😀', note: 'name cut from 3 to 2 characters' });
		expect(cutToLength('Zürich', 6, 'city')).toEqual({ ok: true, value: 'Zürich' });
	});
});

describe('toOcpiText', () => {
	it('cleans, then cuts with a note', () => {
		expect(toOcpiText('  Hauptstraße   1,\n Gebäude B  ', 15, 'address')).toEqual({
			ok: true,
			value: 'Hauptstraße 1,',
			note: 'address cut from 24 to 14 characters',
		});
	});

	it('passes reasons through', () => {
		expect(toOcpiText(null, 45, 'city')).toEqual({ ok: false, reason: 'city is empty: fill it in the source data' });
	});
});

describe('cleanText without copying clean text', () => {
	// the general path, as cleanText ran it on every value before it returned clean text as it is
	// eslint-disable-next-line no-control-regex -- the expression cleanText uses, control characters on purpose
	const reference = (raw: string): string => raw.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();

	it('gives what trimming and collapsing give, for text of every mix of spaces and control characters', () => {
		const alphabet = ['a', 'Z', '1', '-', 'é', '😀', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u200b', '\u0085', '\u0001', '\u001f', '\u007f', '\ufeff'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let i = 0; i < 20000; i++) {
			let text = '';
			const length = 1 + Math.floor(next() * 8);
			for (let j = 0; j < length; j++) text += alphabet[Math.floor(next() * alphabet.length)];
			const expected = reference(text);
			const result = cleanText(text, 'name');
			expect({ text, result: result.ok ? result.value : '' }).toEqual({ text, result: expected });
		}
	});
});
