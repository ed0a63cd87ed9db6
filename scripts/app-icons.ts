// Draws the app's icons for the web app manifest from static/favicon.svg, with Chromium, into
// static/icons/ (committed; run again only when the favicon changes): `npx tsx scripts/app-icons.ts`.
// A maskable icon fills its square and keeps the mark inside the middle 60 %, the safe zone
// every launcher's mask leaves whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../tests/helpers/browser';
import { projectRoot } from '../tests/helpers/server';

const favicon = readFileSync(join(projectRoot, 'static', 'favicon.svg'), 'utf8');
const background = /fill="(#[0-9a-f]{6})"/i.exec(favicon)?.[1] ?? '#1d4e89';

const icons = [
	{ file: 'icon-192.png', size: 192, mark: 1 },
	{ file: 'icon-512.png', size: 512, mark: 1 },
	{ file: 'icon-maskable-512.png', size: 512, mark: 0.6 }
];

const browser = await openBrowser({ width: 512, height: 512 });
try {
	for (const { file, size, mark } of icons) {
		await browser.page.setViewportSize({ width: size, height: size });
		const inset = (size * (1 - mark)) / 2;
		await browser.page.setContent(
			`<body style="margin:0;background:${background}">` +
				`<div style="position:absolute;inset:${inset}px">${favicon.replace('<svg ', '<svg width="100%" height="100%" ')}</div>`
		);
		await browser.page.screenshot({ path: join(projectRoot, 'static', 'icons', file) });
		console.log(`static/icons/${file}: ${size} × ${size}`);
	}
} finally {
	await browser.close();
}
