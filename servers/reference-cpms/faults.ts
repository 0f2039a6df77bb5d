/**
 * Fault switches that make the CPMS misbehave the way real ones do, so clients can prove their retry
 * and back-off logic. Rates draw from a seeded generator and `…Next` counters hit exactly the next N
 * OCPI requests: both keep tests reproducible. Faults touch /ocpi/** only, never /admin or the page,
 * so a test (or a person) can always switch them off again.
 */

export interface FaultSettings {
	/** Seed for the rate draws; null = Math.random. */
	seed: number | null;
	/** Added before every OCPI answer. */
	latencyMs: number;
	error5xxRate: number;
	error5xxNext: number;
	/** HTTP status used for 5xx faults. */
	error5xxStatus: number;
	tooManyRequestsRate: number;
	tooManyRequestsNext: number;
	retryAfterSeconds: number;
	/** Share of requests whose socket is destroyed without an answer. */
	resetRate: number;
	resetNext: number;
	/** 'refuse': every OCPI request's connection is closed unanswered; '503': answered with 503 + OCPI 3000. */
	down: false | 'refuse' | '503';
	/** HTTP 200 carrying an OCPI server error (3000 by default): the transport works, the OCPI layer fails. */
	ocpiErrorRate: number;
	ocpiErrorNext: number;
	ocpiErrorCode: number;
	/**
	 * "Applied the write, then lost the answer": the request is handled (a PUT or PATCH is stored) and then its answer
	 * is lost, as when a CPMS's proxy times out after the backend committed: lostAnswerAs 'error5xx' answers HTTP
	 * error5xxStatus with status_code 3000, 'reset' destroys the socket unanswered.
	 */
	lostAnswerRate: number;
	lostAnswerNext: number;
	lostAnswerAs: 'error5xx' | 'reset';
	/** Faults hit only requests whose path (with query) contains this; '' = every OCPI request. */
	matchPath: string;
	/** Faults hit only requests with this method (GET, PUT, …); '' = any. */
	matchMethod: string;
}

export const NO_FAULTS: FaultSettings = {
	seed: null,
	latencyMs: 0,
	error5xxRate: 0,
	error5xxNext: 0,
	error5xxStatus: 500,
	tooManyRequestsRate: 0,
	tooManyRequestsNext: 0,
	retryAfterSeconds: 1,
	resetRate: 0,
	resetNext: 0,
	down: false,
	ocpiErrorRate: 0,
	ocpiErrorNext: 0,
	ocpiErrorCode: 3000,
	lostAnswerRate: 0,
	lostAnswerNext: 0,
	lostAnswerAs: 'error5xx',
	matchPath: '',
	matchMethod: '',
};

export type FaultAction = 'refuse' | 'reset' | 'down503' | 'tooManyRequests' | 'error5xx' | 'ocpiError' | 'lostAnswer';

export interface FaultDecision {
	latencyMs: number;
	action?: FaultAction;
}

const RATE_KEYS = ['error5xxRate', 'tooManyRequestsRate', 'resetRate', 'ocpiErrorRate', 'lostAnswerRate'] as const;
const COUNT_KEYS = ['latencyMs', 'error5xxNext', 'tooManyRequestsNext', 'retryAfterSeconds', 'resetNext', 'ocpiErrorNext', 'lostAnswerNext'] as const;

/** Checks a (partial) settings object from POST /admin/faults; returns the problems, empty when fine. */
export function faultSettingsProblems(input: unknown): string[] {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return ['faults must be a JSON object'];
	const problems: string[] = [];
	for (const [key, value] of Object.entries(input)) {
		if (!(key in NO_FAULTS)) problems.push(`unknown fault setting "${key}"`);
		else if ((RATE_KEYS as readonly string[]).includes(key)) {
			if (typeof value !== 'number' || !(value >= 0 && value <= 1)) problems.push(`${key} must be a number from 0 to 1`);
		} else if ((COUNT_KEYS as readonly string[]).includes(key)) {
			if (!Number.isInteger(value) || (value as number) < 0) problems.push(`${key} must be a whole number ≥ 0`);
		} else if (key === 'down') {
			if (value !== false && value !== 'refuse' && value !== '503') problems.push(`down must be false, "refuse" or "503"`);
		} else if (key === 'seed') {
			if (value !== null && !Number.isInteger(value)) problems.push('seed must be a whole number or null');
		} else if (key === 'error5xxStatus') {
			if (!Number.isInteger(value) || (value as number) < 500 || (value as number) > 599) problems.push('error5xxStatus must be 500-599');
		} else if (key === 'lostAnswerAs') {
			if (value !== 'error5xx' && value !== 'reset') problems.push('lostAnswerAs must be "error5xx" or "reset"');
		} else if (key === 'matchPath' || key === 'matchMethod') {
			if (typeof value !== 'string') problems.push(`${key} must be a string ('' = every request)`);
		} else if (key === 'ocpiErrorCode') {
			if (!Number.isInteger(value) || (value as number) < 2000 || (value as number) > 4999) problems.push('ocpiErrorCode must be 2000-4999');
		}
	}
	return problems;
}

/** mulberry32: tiny, good enough, and the same sequence for the same seed. */
function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Faults {
	private settings: FaultSettings = { ...NO_FAULTS };
	private random: () => number = Math.random;

	constructor(initial?: Partial<FaultSettings>) {
		if (initial) this.set(initial);
	}

	/** Merges the given settings into the current ones; `null` switches everything off. */
	set(partial: Partial<FaultSettings> | null): FaultSettings {
		this.settings = partial === null ? { ...NO_FAULTS } : { ...this.settings, ...partial };
		if (partial === null || partial.seed !== undefined) {
			this.random = this.settings.seed === null ? Math.random : seeded(this.settings.seed);
		}
		return this.current();
	}

	current(): FaultSettings {
		return { ...this.settings };
	}

	/**
	 * Decides the fate of one OCPI request, consuming `…Next` counters. Order: down, reset, 429, 5xx, OCPI error,
	 * lost answer (the one fault after which the request is still handled).
	 * A request outside matchPath / matchMethod passes untouched and consumes nothing.
	 */
	decide(request: { method?: string; path?: string } = {}): FaultDecision {
		const s = this.settings;
		const decision: FaultDecision = { latencyMs: s.latencyMs };
		if (s.matchPath !== '' && !(request.path ?? '').includes(s.matchPath)) return decision;
		if (s.matchMethod !== '' && (request.method ?? '').toUpperCase() !== s.matchMethod.toUpperCase()) return decision;
		if (s.down === 'refuse') return { ...decision, action: 'refuse' };
		if (s.down === '503') return { ...decision, action: 'down503' };
		if (this.hit('resetNext', s.resetRate)) return { ...decision, action: 'reset' };
		if (this.hit('tooManyRequestsNext', s.tooManyRequestsRate)) return { ...decision, action: 'tooManyRequests' };
		if (this.hit('error5xxNext', s.error5xxRate)) return { ...decision, action: 'error5xx' };
		if (this.hit('ocpiErrorNext', s.ocpiErrorRate)) return { ...decision, action: 'ocpiError' };
		if (this.hit('lostAnswerNext', s.lostAnswerRate)) return { ...decision, action: 'lostAnswer' };
		return decision;
	}

	private hit(counter: 'resetNext' | 'tooManyRequestsNext' | 'error5xxNext' | 'ocpiErrorNext' | 'lostAnswerNext', rate: number): boolean {
		if (this.settings[counter] > 0) {
			this.settings[counter] -= 1;
			return true;
		}
		// draw only when a rate is set, so seeded sequences do not shift when other faults are off
		return rate > 0 && this.random() < rate;
	}
}
