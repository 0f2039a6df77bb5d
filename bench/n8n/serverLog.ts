/**
 * The n8n server's output with a marker line at each phase's start and end, so V8's `--trace-gc` lines (timed
 * from the process's start, not the clock) can be read against the phases. Written after every phase.
 */
import { writeFileSync } from 'node:fs';
import type { N8nInstance } from '../../test/e2e/support';

export interface ServerLog {
	mark(text: string): void;
}

export function serverLogWriter(n8n: N8nInstance, file: string | undefined): ServerLog {
	const marks: Array<{ offset: number; text: string }> = [];
	return {
		mark(text) {
			if (file === undefined) return;
			const log = n8n.serverLog();
			marks.push({ offset: log.length, text: `==== ${new Date().toISOString()} ${text}` });
			let out = '';
			let from = 0;
			for (const { offset, text: marker } of marks) {
				out += `${log.slice(from, offset)}${log.slice(from, offset).endsWith('\n') || offset === 0 ? '' : '\n'}${marker}\n`;
				from = offset;
			}
			writeFileSync(file, out + log.slice(from));
		},
	};
}
