/** Free loopback ports, so parallel n8n instances (HTTP + task runner broker) never collide. */
import * as net from 'net';

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function anyPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** A port p with p+1 also free: n8n's port and its task runner broker port. */
export async function freePortPair(): Promise<number> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const port = await anyPort();
		if (port < 65535 && (await isFree(port + 1))) return port;
	}
	throw new Error('No free pair of loopback ports found');
}
