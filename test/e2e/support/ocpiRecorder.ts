/**
 * A recording pass-through in front of a reference CPMS. The CPMS's own request log keeps neither
 * bodies nor the Authorization header, so a test that must see exactly what n8n sent puts this in
 * between: start the CPMS with `publicUrl: recorder.url` (discovery then leads every request here),
 * then `recorder.forwardTo(\`http://127.0.0.1:${cpms.port}\`)`. Answers pass through unchanged; a
 * connection the CPMS drops is dropped here too.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
	method: string;
	path: string;
	/** Date.now() when it arrived. */
	at: number;
	authorization?: string;
	/** Parsed JSON (the raw text when it is not JSON); undefined without a body. */
	body?: unknown;
}

export interface OcpiRecorder {
	url: string;
	/** Every request received, in arrival order. */
	requests: RecordedRequest[];
	forwardTo(baseUrl: string): void;
	/** Runs `action` once, right before the first request matching `when` is forwarded (e.g. to arm a CPMS fault for exactly that request). */
	before(when: (request: RecordedRequest) => boolean, action: () => void): void;
	close(): Promise<void>;
}

export interface OcpiRecorderOptions {
	/** Passes on only these entries of the versions list (`GET …/versions`): a CPMS that offers e.g. 2.1.1 alone. */
	offerVersions?: string[];
}

function parseBody(text: string): unknown {
	if (!text) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

function onlyVersions(answer: Buffer, versions: string[]): Buffer {
	const envelope = JSON.parse(answer.toString('utf8')) as { data?: Array<{ version: string }> };
	envelope.data = (envelope.data ?? []).filter((entry) => versions.includes(entry.version));
	return Buffer.from(JSON.stringify(envelope));
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

export async function startOcpiRecorder(options: OcpiRecorderOptions = {}): Promise<OcpiRecorder> {
	const requests: RecordedRequest[] = [];
	const hooks: Array<{ when: (request: RecordedRequest) => boolean; action: () => void }> = [];
	let target = '';

	const server = http.createServer((req, res) => {
		void readAll(req).then((body) => {
			const path = new URL(req.url ?? '/', 'http://recorder').pathname;
			const recorded: RecordedRequest = { method: req.method ?? 'GET', path, at: Date.now(), authorization: req.headers.authorization, body: parseBody(body.toString('utf8')) };
			requests.push(recorded);
			const hook = hooks.findIndex((candidate) => candidate.when(recorded));
			if (hook >= 0) hooks.splice(hook, 1)[0].action();

			const upstream = http.request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
				void readAll(answer).then((raw) => {
					const isVersions = recorded.method === 'GET' && path.endsWith('/versions') && answer.statusCode === 200;
					const out = options.offerVersions && isVersions ? onlyVersions(raw, options.offerVersions) : raw;
					const headers = { ...answer.headers };
					delete headers['transfer-encoding'];
					res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
					res.end(out);
				});
			});
			upstream.on('error', () => req.socket.destroy());
			upstream.end(body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		forwardTo: (baseUrl) => {
			target = baseUrl.replace(/\/+$/, '');
		},
		before: (when, action) => {
			hooks.push({ when, action });
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
