// Types for the vendored @photostructure/tz-lookup (see tzLookup.js).
/** IANA time zone at a point; throws a RangeError when the coordinates are invalid. */
declare function tzLookup(latitude: number, longitude: number): string;
export = tzLookup;
