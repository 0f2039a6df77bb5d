/** What mapping one object gives: the OCPI fields so far, reasons it cannot be used, notes on what was changed. */
import type { TransformResult } from './transforms';

export class Outcome {
	readonly value: Record<string, unknown> = {};
	reasons: string[] | undefined = undefined;
	notes: string[] | undefined = undefined;
	/** The object's own last_updated from the data, when mapped. */
	updated: string | undefined = undefined;

	fail(reason: string): void {
		(this.reasons ??= []).push(reason);
	}

	note(note: string | undefined): void {
		if (note) (this.notes ??= []).push(note);
	}

	/** Takes a transform result: the value goes to `field` (when given), a failure becomes a reason. */
	take<T>(result: TransformResult<T> | undefined, field?: string): T | undefined {
		if (result === undefined) return undefined;
		if (!result.ok) {
			this.fail(result.reason);
			return undefined;
		}
		this.note(result.note);
		if (field !== undefined) this.value[field] = result.value;
		return result.value;
	}

	get failed(): boolean {
		return this.reasons !== undefined;
	}
}
