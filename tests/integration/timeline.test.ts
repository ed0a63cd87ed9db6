import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { timelineFile } from '../../src/lib/content/reference-schema';
import { parseFolderName } from '../../src/lib/content/slugs';
import { dateRange } from '../../src/lib/content/timeline-dates';
import { Visitor } from '../helpers/client';
import { projectRoot, startServer, type TestServer } from '../helpers/server';
import { orderProblems, shownEvents } from '../helpers/timeline-claims';

// The rendered timelines, read over HTTP: the order a learner sees must never contradict a date.

const lessonsDir = join(projectRoot, 'lessons');
const events = timelineFile.parse(
	parse(readFileSync(join(lessonsDir, 'timeline.yaml'), 'utf8'))
).events;
const byId = new Map(events.map((event) => [event.id, event]));
const rangeOf = (id: string) => dateRange(byId.get(id)!.date);

const folders = (dir: string) =>
	readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name);

/** Every page with a timeline, and the module whose events it shows (undefined: all). */
const pages: { path: string; module?: number }[] = [
	{ path: '/timeline' },
	...folders(lessonsDir).flatMap((module) =>
		folders(join(lessonsDir, module)).flatMap((lesson) => {
			const markdown = readFileSync(join(lessonsDir, module, lesson, 'index.md'), 'utf8');
			const tag = /<Timeline module=\{(\d)\} \/>/.exec(markdown);
			const path = `/learn/${parseFolderName(module)!.slug}/${parseFolderName(lesson)!.slug}`;
			return tag ? [{ path, module: Number(tag[1]) }] : [];
		})
	)
];

// What the 2022+ commentary (003) dates only by its own loose date: the mosque bombing it calls
// recent, its count of attacks 'after 2022', and its writing.
const looselyDatedIn003 = [
	'iskp-90-claimed-attacks',
	'islamabad-mosque-bombing',
	'article-003-published'
];

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

describe('the rendered timelines', () => {
	it('include a timeline in every module as well as the timeline page', () => {
		expect(new Set(pages.map(({ module }) => module))).toEqual(new Set([undefined, 0, 1, 2, 3]));
	});

	it.each(pages)(
		'$path shows each of its events once, in an order no date contradicts',
		async ({ path, module }) => {
			const response = await new Visitor(server.url).get(path);
			expect(response.status).toBe(200);
			const shown = shownEvents(await response.text());
			const expected = events.filter(
				(event) => module === undefined || event.modules.includes(module)
			);
			expect(shown.map(({ id }) => id).sort()).toEqual(expected.map(({ id }) => id).sort());
			expect(orderProblems(shown, rangeOf)).toEqual([]);
		}
	);

	it.each(pages)(
		'$path never shows what 003 dates loosely before the 2025 analysis (004)',
		async ({ path }) => {
			const shown = shownEvents(await (await new Visitor(server.url).get(path)).text());
			const position = (id: string) => shown.findIndex((event) => event.id === id);
			const laterIn004 = shown.filter(({ id }) => {
				const event = byId.get(id)!;
				const cites004 = event.citations.some(({ source }) => source.startsWith('004_'));
				return cites004 && rangeOf(id).end >= '2023-01-01';
			});
			for (const id of looselyDatedIn003.filter((id) => position(id) >= 0))
				for (const later of laterIn004)
					expect(position(id), `${id} / ${later.id}`).toBeGreaterThan(position(later.id));
		}
	);
});
