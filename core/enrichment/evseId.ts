/**
 * Switch `evseId`: rewrites each EVSE's evse_id into the eMI3 form (EVSE_ID_PATTERN), e.g.
 * `DE*ABC*E123456`. Nothing is ever invented: when the rewritten id does not match the pattern, the
 * original stays for the validator to report (a missing 'E' type marker is never added).
 *
 * - 'strict':  trim, upper-case, and turn each '-' or ' ' into '*'. ('de-abc-e123' → 'DE*ABC*E123')
 * - 'lenient': also drop '.', '_' and '/', collapse runs of separators into one '*', strip leading and
 *              trailing separators, and write the ISO form with both separators, including the compact
 *              form without any. ('DEABCE123456' → 'DE*ABC*E123456', 'de--abc..e1' → 'DE*ABC*E1')
 */
import { EVSE_ID_PATTERN } from '../ocpi/formats';
import { formatPath } from '../foundation/path';
import type { EvseIdNormalisation } from './enrich';
import type { EnrichmentStep } from './step';

// Country (2 letters), operator (3), then the 'E' marker and the rest: the parts of an ISO-form id.
const ISO_PARTS = /^([A-Z]{2})\*?([A-Z0-9]{3})\*?(E[A-Z0-9*]+)$/;

function strictForm(id: string): string {
	return id.trim().toUpperCase().replace(/[- ]/g, '*');
}

function lenientForm(id: string): string {
	const cleaned = id
		.trim()
		.toUpperCase()
		.replace(/[._/]/g, '')
		.replace(/[-\s*]+/g, '*')
		.replace(/^\*|\*$/g, '');
	const parts = ISO_PARTS.exec(cleaned);
	return parts ? `${parts[1]}*${parts[2]}*${parts[3]}` : cleaned;
}

/** The eMI3 form of the id under the mode, or undefined when nothing should change. */
export function normaliseEvseId(id: unknown, mode: EvseIdNormalisation): string | undefined {
	if (typeof id !== 'string' || (mode !== 'strict' && mode !== 'lenient')) return undefined;
	const candidate = mode === 'strict' ? strictForm(id) : lenientForm(id);
	return candidate !== id && EVSE_ID_PATTERN.test(candidate) ? candidate : undefined;
}

const REASONS: Record<'strict' | 'lenient', string> = {
	strict: "evse_id written in the eMI3 format: trimmed, upper case, '-' and ' ' separators replaced by '*'",
	lenient: "evse_id rewritten in the eMI3 format 'CC*OOO*E…' (lenient: separators added or tidied, stray characters dropped)",
};

export const normaliseEvseIds: EnrichmentStep = (working, { options, nodes, writable }) => {
	const mode = options.evseId;
	if (mode !== 'strict' && mode !== 'lenient') return [];
	return nodes(working)
		.filter((node) => node.kind === 'evse')
		.flatMap((node) => {
			const from = node.object.evse_id;
			const to = normaliseEvseId(from, mode);
			if (to === undefined) return [];
			writable(node).evse_id = to;
			return [{ path: formatPath([...node.path, 'evse_id']), from, to, reason: REASONS[mode] }];
		});
};
