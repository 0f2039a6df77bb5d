/** A stable hash of a Location for sync state: equal content ⇒ equal fingerprint, whatever the key order. */
import { fingerprintHex } from '../foundation/json';
import { isMetadataKey } from '../ocpi/metadata';

// last_updated changes on every export even when nothing else does; metadata is never sent; null is unset
const skip = (key: string, member: unknown) => key === 'last_updated' || isMetadataKey(key) || member === null;

export function fingerprintLocation(location: unknown): string {
	return fingerprintHex(location, skip);
}
