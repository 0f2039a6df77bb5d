/** The n8n owner account, created over REST as `npm run demo` does: no env or CLI can create it. */
import type { N8nInstance } from './n8nInstance';

export interface N8nOwner {
	email: string;
	password: string;
	/** `n8n-auth=…` for REST calls; send it with the constant `browser-id` header below. */
	cookie: string;
}

/** n8n binds the auth cookie to this header: any constant works as long as every call sends the same one. */
export const BROWSER_ID = 'ocpi-e2e-browser';

export async function setupOwner(n8n: N8nInstance, email = 'owner@example.com', password = 'Owner-ocpi-2026'): Promise<N8nOwner> {
	const response = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ email, firstName: 'Test', lastName: 'Owner', password }),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
	return { email, password, cookie };
}
