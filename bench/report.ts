/** Plain-text output shared by all bench sections, so every section reads the same way. */
export interface Target {
	label: string;
	value: number;
	unit: string;
	/** `max`: value must stay at or below limit; `below`: strictly below; `atLeast`: at or above. */
	kind: 'max' | 'below' | 'atLeast';
	limit: number;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
	return integer.format(value);
}

export function formatFixed(value: number, digits = 2): string {
	return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function heading(text: string): void {
	console.log(`\n== ${text}`);
}

export function line(label: string, text: string): void {
	console.log(`  ${label.padEnd(34)} ${text}`);
}

export function targetMet(target: Target): boolean {
	if (target.kind === 'atLeast') return target.value >= target.limit;
	return target.kind === 'max' ? target.value <= target.limit : target.value < target.limit;
}

/** Targets are reported, never asserted: the exit code stays 0 whatever they say. */
export function reportTarget(target: Target): void {
	const sign = { max: '≤', below: '<', atLeast: '≥' }[target.kind];
	const verdict = Number.isFinite(target.value) ? (targetMet(target) ? 'PASS' : 'MISS') : 'n/a';
	line(target.label, `${formatFixed(target.value)} ${target.unit}  (target ${sign} ${target.limit} ${target.unit})  ${verdict}`);
}

export function peakRssMb(): number {
	// maxRSS is in kilobytes.
	return process.resourceUsage().maxRSS / 1024;
}
