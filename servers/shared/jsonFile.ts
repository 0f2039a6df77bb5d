/** A JSON data file written atomically (temp file + rename), so a crash never leaves half a file. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeJsonAtomically(file: string, data: unknown): void {
	mkdirSync(dirname(file), { recursive: true });
	const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
	writeFileSync(temp, JSON.stringify(data, null, '\t'));
	renameSync(temp, file);
}
