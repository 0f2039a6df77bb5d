/** Tiny node:http helpers shared by the local test servers. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export class BodyTooLargeError extends Error {}

/** Reads the whole request body as UTF-8; refuses bodies above `limitBytes` so a bad client cannot exhaust memory. */
export function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limitBytes) {
				reject(new BodyTooLargeError(`Body larger than ${limitBytes} bytes`));
				req.removeAllListeners('data');
				req.resume();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The first value of a header, whatever node made of it. */
export function headerValue(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...headers });
	res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
	sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** Parses `--name value` and `--name=value` flags; a bare `--flag` is 'true'. */
export function parseFlags(argv: readonly string[]): Record<string, string> {
	const flags: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const eq = arg.indexOf('=');
		if (eq > 0) {
			flags[arg.slice(2, eq)] = arg.slice(eq + 1);
		} else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
			flags[arg.slice(2)] = argv[++i];
		} else {
			flags[arg.slice(2)] = 'true';
		}
	}
	return flags;
}

/** Starts listening and resolves with the port actually bound (port 0 picks a free one). */
export function listenOn(server: Server, port: number, host: string): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

/** A percent-encoded URL path segment, or undefined when it is malformed (a router answers 404, not 500). */
export function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}
