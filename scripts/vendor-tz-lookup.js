#!/usr/bin/env node
/**
 * Copies the time zone lookup of the devDependency @photostructure/tz-lookup into
 * core/reference/vendor/tzLookup.js, because the published package may have no runtime dependencies.
 * Upgrade: `npm i -D @photostructure/tz-lookup@<new> && node scripts/vendor-tz-lookup.js`;
 * test/core/reference/tzLookupVendor.test.ts fails while the copy and the devDependency differ.
 */
'use strict';
const fs = require('fs');
const path = require('path');

/** The header ends with this line; everything after it is the package's tz.js, byte for byte. */
const END_OF_HEADER = '// ---- end of vendoring header ----\n';

function vendoringHeader(version, license) {
	return (
		`// Vendored from @photostructure/tz-lookup ${version} (tz.js), licence ${license}` +
		`${license === 'CC0-1.0' ? ' (public domain dedication)' : ''}, https://github.com/photostructure/tz-lookup.\n` +
		'// Do not edit: regenerate with `node scripts/vendor-tz-lookup.js`.\n' +
		END_OF_HEADER
	);
}

function installedTzLookup() {
	const packageDir = path.dirname(require.resolve('@photostructure/tz-lookup/package.json'));
	const { version, license } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const code = fs.readFileSync(path.join(packageDir, 'tz.js'), 'utf8');
	return { version, license, code };
}

const DECLARATION = `// Types for the vendored @photostructure/tz-lookup (see tzLookup.js).
/** IANA time zone at a point; throws a RangeError when the coordinates are invalid. */
declare function tzLookup(latitude: number, longitude: number): string;
export = tzLookup;
`;

function main() {
	const { version, license, code } = installedTzLookup();
	const vendorDir = path.join(__dirname, '..', 'core', 'reference', 'vendor');
	fs.mkdirSync(vendorDir, { recursive: true });
	fs.writeFileSync(path.join(vendorDir, 'tzLookup.js'), vendoringHeader(version, license) + code);
	fs.writeFileSync(path.join(vendorDir, 'tzLookup.d.ts'), DECLARATION);
	console.log(`vendored @photostructure/tz-lookup ${version} into core/reference/vendor/tzLookup.js`);
}

if (require.main === module) main();
module.exports = { END_OF_HEADER, vendoringHeader, installedTzLookup };
