/** A compact, stable hash of a Location for sync state: equal content ⇒ equal fingerprint, whatever the key order. */
import { createHash } from 'crypto';
import { stableStringify } from './objectDiff';

// last_updated changes on every export even when nothing else does; metadata is never sent
const IGNORED = new Set(['last_updated']);

export function fingerprintLocation(location: unknown): string {
	return createHash('sha256').update(stableStringify(location, IGNORED)).digest('hex');
}
