// Browser tests need Chromium. Install Debian's package when we can; otherwise stop and say how.
// Never let the browser tests be skipped silently.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const hasApt = existsSync('/usr/bin/apt-get');
const isRoot = process.getuid?.() === 0;
if (!hasApt || !isRoot || process.env.CHROMIUM_PATH) {
	console.error(
		`Chromium was not found at ${path}. The browser tests need it.\n` +
			'Install it (on Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.'
	);
	process.exit(1);
}

console.log('Installing Debian’s chromium for the browser tests (about 20 s)…');
/** @param {string[]} args */
const run = (...args) =>
	execFileSync('apt-get', args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
run('update');
run('install', '-y', '--no-install-recommends', 'chromium');
if (!existsSync(path)) {
	console.error(`apt-get finished but ${path} is still missing.`);
	process.exit(1);
}
