/** Small value checks shared by the enrichment steps. */

/** Keys that could reach an object's prototype when copied from user data. */
export function isUnsafeKey(key: string): boolean {
	return key === '__proto__' || key === 'constructor' || key === 'prototype';
}
