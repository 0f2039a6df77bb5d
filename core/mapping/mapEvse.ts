/** The EVSE fields from the first record of an EVSE (uid, connectors and last_updated are set when assembling). */
import type { CompiledMapping } from './compileMapping';
import { mapField } from './fieldMapping';
import { Outcome } from './outcome';
import type { ConnectorRecord } from './shapes';

const EVSE_FIELDS = ['evse_id', 'status', 'capabilities', 'floor_level', 'physical_reference', 'parking_restrictions'] as const;

export function mapEvse(mapping: CompiledMapping, record: ConnectorRecord, uid: string): Outcome {
	const out = new Outcome();
	const fields = mapping.fields.evse;
	out.value.uid = uid;
	for (const name of EVSE_FIELDS) {
		const field = fields.get(name)!;
		const result = mapField(field, record, field.label, mapping.context, out);
		out.take(result, name);
		if (name === 'status' && result?.ok && field.source === undefined && !field.hasDefault) {
			out.note(`status not in the data: ${String(result.value)} written (map a status field or set a default)`);
		}
	}
	// 2.3.0 only: absent from the field list of older versions
	const providers = fields.get('accepted_service_providers');
	if (providers) out.take(mapField(providers, record, providers.label, mapping.context), 'accepted_service_providers');
	const updated = fields.get('last_updated')!;
	out.updated = out.take(mapField(updated, record, updated.label, mapping.context, out)) as string | undefined;
	return out;
}
