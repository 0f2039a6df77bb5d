/** Debian's Chromium, driven by playwright-core (Playwright's own browser download needs the internet). */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../e2e/support';

/** Installs chromium through the project's script when missing (CI's `npm test` already did) and returns its path. */
export function chromiumPath(): string {
	const out = execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/browser/install.sh')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 10 * 60_000,
	});
	return out.trim().split('\n').pop()!;
}

export function launchChromium(): Promise<Browser> {
	// --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
	return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}
