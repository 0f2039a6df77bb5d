/**
 * How EVSE uids and connector ids are written, as templates: `{chargePoint}`, `{bay}`, `{connector}`,
 * `{location}`, and a part in square brackets that is written only when the charge point has more than one
 * EVSE. `{chargePoint}[-{bay}]` keeps the id of a charge point that is one EVSE unchanged (`CP-18`) and
 * names the EVSEs of a twin charger `CP-17-L`, `CP-17-R`.
 * A profile without templates keeps the ids of earlier versions: the charge point id with one EVSE per
 * charge point, `{chargePoint}-{bay}` with one EVSE per outlet, the connector key as connector id.
 */
import type { EvseGranularity } from './profile';
import { fail, ok, type TransformResult } from './transforms';

export const ID_PLACEHOLDERS = ['chargePoint', 'bay', 'connector', 'location'] as const;
export type IdPlaceholder = (typeof ID_PLACEHOLDERS)[number];
export type IdValues = Record<IdPlaceholder, string>;

/** The editor's default since node version 2. */
export const SUGGESTED_EVSE_UID = '{chargePoint}[-{bay}]';
export const LEGACY_EVSE_UID: Record<EvseGranularity, string> = { chargePoint: '{chargePoint}', outlet: '{chargePoint}-{bay}' };
export const DEFAULT_CONNECTOR_ID = '{connector}';

type Part = { text: string } | { placeholder: IdPlaceholder } | { whenMany: Part[] };

export interface IdTemplate {
	template: string;
	/** Whether an EVSE's uid differs per bay (with one EVSE per outlet it must, or EVSEs would merge). */
	usesBay: boolean;
	render(values: IdValues, manyEvses: boolean): string;
}

function parsePlain(text: string, what: string): TransformResult<Part[]> {
	const parts: Part[] = [];
	const pattern = /\{([^{}]*)\}/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		const name = match[1].trim();
		if (!(ID_PLACEHOLDERS as readonly string[]).includes(name)) {
			return fail(`the ${what} template names {${name}}: use ${ID_PLACEHOLDERS.map((placeholder) => `{${placeholder}}`).join(', ')}`);
		}
		if (match.index > last) parts.push({ text: text.slice(last, match.index) });
		parts.push({ placeholder: name as IdPlaceholder });
		last = match.index + match[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last) });
	if (parts.some((part) => 'text' in part && /[{}]/.test(part.text))) return fail(`the ${what} template has a { or } without its pair`);
	return ok(parts);
}

export function compileIdTemplate(template: string, what: string): TransformResult<IdTemplate> {
	const parts: Part[] = [];
	const pieces = template.split(/(\[[^[\]]*\])/);
	for (const piece of pieces) {
		if (piece === '') continue;
		const optional = piece.startsWith('[') && piece.endsWith(']');
		if (!optional && /[[\]]/.test(piece)) return fail(`the ${what} template '${template}' has a [ or ] without its pair (brackets cannot nest)`);
		const parsed = parsePlain(optional ? piece.slice(1, -1) : piece, what);
		if (!parsed.ok) return parsed;
		if (optional) parts.push({ whenMany: parsed.value });
		else parts.push(...parsed.value);
	}
	if (!parts.some((part) => 'placeholder' in part || 'whenMany' in part)) {
		return fail(`the ${what} template '${template}' names no field: every EVSE would get the same id (use e.g. ${SUGGESTED_EVSE_UID})`);
	}
	const uses = (name: IdPlaceholder, list: Part[]): boolean =>
		list.some((part) => ('placeholder' in part && part.placeholder === name) || ('whenMany' in part && uses(name, part.whenMany)));
	const usesBay = uses('bay', parts) || uses('connector', parts);
	// rendered for every record: a loop that builds the text, no arrays
	const render = (values: IdValues, many: boolean, list: Part[]): string => {
		let text = '';
		for (const part of list) {
			if ('text' in part) text += part.text;
			else if ('placeholder' in part) text += values[part.placeholder];
			else if (many) text += render(values, many, part.whenMany);
		}
		return text;
	};
	return ok({ template, usesBay, render: (values, many) => render(values, many, parts) });
}
