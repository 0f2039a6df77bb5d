/**
 * versionG per DATEX object from a fingerprint of its own content and the previous publication: an object
 * whose content is unchanged keeps its version (and its lastUpdated), a changed one gets the next version,
 * a new one version 1. An object's fingerprint leaves out its versioned children (they carry their own
 * versions) but keeps their ids, so adding or removing a refill point changes its station.
 */
import { fingerprintHex, isRecord } from '../../foundation/json';
import type { DatexObject } from './buildSite';

export interface KnownVersion {
	versionG: string;
	fingerprint: string;
	lastUpdated?: string;
}

function isVersioned(value: unknown): value is DatexObject & { idG: string } {
	return isRecord(value) && typeof value.idG === 'string' && 'versionG' in value;
}

/** The object's own content: versionG and lastUpdated left out, versioned children reduced to their idG. */
function ownContent(value: unknown, top = true): unknown {
	if (Array.isArray(value)) return value.map((item) => ownContent(item, false));
	if (!isRecord(value)) return value;
	if (!top && isVersioned(value)) return { idG: value.idG };
	const out: DatexObject = {};
	for (const [key, member] of Object.entries(value)) {
		if (top && (key === 'versionG' || key === 'lastUpdated')) continue;
		out[key] = ownContent(member, false);
	}
	return out;
}

export function fingerprintOf(object: DatexObject): string {
	return fingerprintHex(ownContent(object)).slice(0, 32);
}

/** Every versioned object in a tree, depth first. */
export function versionedObjects(tree: unknown, into: Array<DatexObject & { idG: string }> = []): Array<DatexObject & { idG: string }> {
	if (Array.isArray(tree)) for (const item of tree) versionedObjects(item, into);
	else if (isRecord(tree)) {
		if (isVersioned(tree)) into.push(tree);
		for (const member of Object.values(tree)) versionedObjects(member, into);
	}
	return into;
}

/** What the previous publication said about each idG. */
export function knownVersions(previous: unknown): Map<string, KnownVersion> {
	const known = new Map<string, KnownVersion>();
	for (const object of versionedObjects(previous)) {
		known.set(object.idG, {
			versionG: String(object.versionG),
			fingerprint: fingerprintOf(object),
			lastUpdated: typeof object.lastUpdated === 'string' ? object.lastUpdated : undefined,
		});
	}
	return known;
}

/** Sets versionG on every versioned object of the tree (in place). */
export function assignVersions(tree: unknown, known: ReadonlyMap<string, KnownVersion>): void {
	for (const object of versionedObjects(tree)) {
		const before = known.get(object.idG);
		const fingerprint = fingerprintOf(object);
		if (!before) object.versionG = '1';
		else if (before.fingerprint === fingerprint) {
			object.versionG = before.versionG;
			if (before.lastUpdated !== undefined && 'lastUpdated' in object) object.lastUpdated = before.lastUpdated;
		} else {
			const number = Number(before.versionG);
			object.versionG = String(Number.isInteger(number) && number >= 1 ? number + 1 : 1);
		}
	}
}

/** [idG, versionG] of every versioned object in a publication, in document order. */
export function versionedIds(tree: unknown): Array<[string, string]> {
	return versionedObjects(tree).map((object) => [object.idG, String(object.versionG)]);
}
