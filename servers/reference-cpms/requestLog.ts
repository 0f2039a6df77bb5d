/** A bounded in-memory log of every request, for tests and the demo (GET /admin/requests). */

export interface RequestLogEntry {
	time: string;
	method: string;
	path: string;
	/** Request headers without Authorization (tokens never end up in the log). */
	headers: Record<string, string>;
	status: number;
	/** The OCPI status_code answered, absent for connection faults and non-OCPI answers. */
	ocpiStatus?: number;
	fault?: string;
	durationMs: number;
	/** 2.2.1 routing headers, copied out for convenience. */
	ocpiFrom?: string;
	ocpiTo?: string;
}

export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private byMethod: Record<string, number> = {};
	private byStatus: Record<string, number> = {};
	private total = 0;

	constructor(private readonly limit: number) {}

	add(entry: RequestLogEntry): void {
		this.entries.push(entry);
		if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
		this.total += 1;
		this.byMethod[entry.method] = (this.byMethod[entry.method] ?? 0) + 1;
		const status = String(entry.status);
		this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
	}

	list(): RequestLogEntry[] {
		return this.entries.slice();
	}

	counters(): { total: number; byMethod: Record<string, number>; byStatus: Record<string, number> } {
		return { total: this.total, byMethod: { ...this.byMethod }, byStatus: { ...this.byStatus } };
	}

	clear(): void {
		this.entries = [];
		this.byMethod = {};
		this.byStatus = {};
		this.total = 0;
	}
}
