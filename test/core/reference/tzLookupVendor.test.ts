/** The vendored tz-lookup must be the installed devDependency, byte for byte, behind its header. */
import * as fs from 'fs';
import * as path from 'path';

const { END_OF_HEADER, vendoringHeader, installedTzLookup } = require('../../../scripts/vendor-tz-lookup.js');

const VENDORED = path.join(__dirname, '..', '..', '..', 'core', 'reference', 'vendor', 'tzLookup.js');

describe('vendored @photostructure/tz-lookup', () => {
	const vendored = fs.readFileSync(VENDORED, 'utf8');
	const installed = installedTzLookup();

	it('is the installed tz.js after the header (run `node scripts/vendor-tz-lookup.js` after an upgrade)', () => {
		const code = vendored.slice(vendored.indexOf(END_OF_HEADER) + END_OF_HEADER.length);
		expect(vendored.indexOf(END_OF_HEADER)).toBeGreaterThan(0);
		expect(code === installed.code).toBe(true);
	});

	it('names the installed version and licence in its header', () => {
		expect(vendored.startsWith(vendoringHeader(installed.version, installed.license))).toBe(true);
		expect(vendored).toContain(`@photostructure/tz-lookup ${installed.version}`);
		expect(installed.license).toBe('CC0-1.0');
	});
});
