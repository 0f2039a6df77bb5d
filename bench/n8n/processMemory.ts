/**
 * Peak resident memory of another process (the n8n server), from Linux's /proc: VmHWM is the high-water mark
 * since start; writing 5 to clear_refs resets it (Linux >= 4.0), so each phase gets its own peak. Where the
 * reset is refused, a sampler keeps the highest VmRSS it saw instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
	const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) : 0;
}

export interface PeakMeter {
	/** The highest RSS since the meter started, in MB. */
	stop(): number;
}

export function startPeakMeter(pid: number, sampleMs = 250): PeakMeter {
	let reset = true;
	try {
		writeFileSync(`/proc/${pid}/clear_refs`, '5');
	} catch {
		reset = false;
	}
	let sampled = statusKb(pid, 'VmRSS');
	const timer = setInterval(() => {
		try {
			sampled = Math.max(sampled, statusKb(pid, 'VmRSS'));
		} catch {
			// the process ended: keep what was seen
		}
	}, sampleMs);
	return {
		stop() {
			clearInterval(timer);
			const peakKb = reset ? Math.max(sampled, statusKb(pid, 'VmHWM')) : sampled;
			return peakKb / 1024;
		},
	};
}
