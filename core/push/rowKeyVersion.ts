/**
 * Which OCPI version's id rule keys the ledger rows of a run that never learnt the CPMS's version (its discovery
 * failed before any Location could be handled). Only the rule matters: 2.1.1 keeps the id as sent, 2.2.1 and 2.3.0
 * upper-case it (core/sync/ledger.ts ledgerKey), so only ids with lower-case letters are keyed differently, and the
 * rows the run was given (made by earlier runs against this CPMS) show which rule made them.
 */
import { isRecord } from '../foundation/json';
import type { OcpiVersion } from '../ocpi/version';
import { ledgerKey } from '../sync/ledger';
import type { LocationIds } from '../sync/types';

/** The version the given rows' keys were made in, as far as they tell; undefined when every key reads the same under both rules. */
export function keyVersionOfRows(ids: readonly LocationIds[], rows: readonly unknown[]): OcpiVersion | undefined {
	const keys = new Set<string>();
	for (const row of rows) {
		const key = isRecord(row) && typeof row.location_id === 'string' ? row.location_id : '';
		// only a 2.1.1 key keeps lower-case letters in its id
		if (/[a-z]/.test(key.split('*').slice(2).join('*'))) return '2.1.1';
		keys.add(key);
	}
	for (const one of ids) {
		const asSent = ledgerKey(one, '2.1.1');
		const upper = ledgerKey(one, '2.2.1');
		if (asSent !== upper && keys.has(upper)) return '2.2.1';
	}
	return undefined;
}
