/** Free loopback ports, so parallel n8n instances (HTTP + task runner broker) never collide. */
import * as net from 'net';

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

// Below Linux's ephemeral range (32768 and up): outgoing connections and `listen(0)` servers take
// ports from there, and n8n binds its ports only seconds after they were found free, and again on
// every restart.
const LOW = 20_000;
const HIGH = 32_000;

/** A port p with p+1 also free: n8n's port and its task runner broker port. */
export async function freePortPair(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
		if ((await isFree(port)) && (await isFree(port + 1))) return port;
	}
	throw new Error(`No free pair of loopback ports found between ${LOW} and ${HIGH}`);
}
