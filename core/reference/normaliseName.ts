/**
 * How free-text names are compared: case, accents, punctuation and surrounding spaces do not
 * count ('U.S.A.' is 'usa'), so 'ÖSTERREICH ', 'osterreich' and 'Österreich' are one key. The country table generator
 * uses this same function to find names that would be ambiguous.
 */

// Letters that Unicode does not decompose into a base letter plus an accent.
const UNDECOMPOSED_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
};

export function normaliseName(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter)
		.replace(/[.'’]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}
