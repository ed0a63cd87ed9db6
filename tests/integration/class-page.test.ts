import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visitor } from '../helpers/client';
import { analyticsCommand } from '../helpers/cli';
import { execute } from '../helpers/db';
import { attr, elements, elementsOf, words, type Element } from '../helpers/html-tree';
import { createClass, joinCodeOf, signUp, type CreatedClass, type Person } from '../helpers/people';
import { decodeQrSvg } from '../helpers/qr-svg';
import { submitSampleQuiz } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// ---- reading the page as a tree ---------------------------------------------------------------

const classes = (element: Element) => (attr(element, 'class') ?? '').split(/\s+/);

/** A grid cell's colour band and words, found by the student's name and the lesson's title. */
function cellOf(all: Element[], student: string, lessonTitle: string) {
	const heads = all.filter((e) => e.tagName === 'th' && classes(e).includes('lesson'));
	const column = heads.findIndex((th) => words(th).includes(lessonTitle));
	const row = all.find(
		(e) =>
			e.tagName === 'tr' &&
			e.childNodes.some((n) => n.nodeName === 'th' && words(n).startsWith(student))
	)!;
	// The first cell counts the lessons done; the lessons follow.
	const cell = row.childNodes.filter((n): n is Element => n.nodeName === 'td')[column + 1]!;
	return {
		band: classes(cell)
			.find((c) => c.startsWith('band-'))
			?.slice('band-'.length),
		text: words(cell)
	};
}

async function pageOf(visitor: Visitor, path: string) {
	const response = await visitor.get(path);
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { html, all: elementsOf(html) };
}

/** The QR drawing as markup, as a phone's camera would get it from the screen. */
function qrOf(html: string): string {
	const svg = /<svg[^>]*class="qr[^"]*"[\s\S]*?<\/svg>/.exec(html)?.[0];
	if (!svg) throw new Error('no QR code on the page');
	return svg;
}

// ---- the class --------------------------------------------------------------------------------

let server: TestServer;
let teacher: Person;
let klass: CreatedClass;
const students: Record<'top' | 'bottom' | 'reader' | 'idle', Person> = {} as never;

beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Tuesday seminar');
	for (const [key, name] of [
		['top', 'Ada Top'],
		['bottom', 'Ben Bottom'],
		['reader', 'Cleo Reader'],
		['idle', 'Dan Idle']
	] as const) {
		students[key] = await signUp(server, 'student', { displayName: name });
		expect((await students[key].visitor.post(`/join/${klass.code}`, {})).status).toBe(303);
	}
	await submitSampleQuiz(students.top.visitor, true);
	await submitSampleQuiz(students.bottom.visitor, false);
	await students.reader.visitor.post('/learn/reading-the-sources/five-articles?/complete', {});
}, 120_000);
afterAll(() => server?.stop());

describe('the join link on the class page', () => {
	it('shows the link in a read-only field and as a labelled QR code that reads back the same', async () => {
		const { html, all } = await pageOf(teacher.visitor, klass.path);
		const link = `${server.url}/join/${klass.code}`;

		const field = all.find((e) => attr(e, 'id') === 'join-link')!;
		expect(field.tagName).toBe('input');
		expect(attr(field, 'value')).toBe(link);
		expect(attr(field, 'readonly')).toBe('');
		expect(all.some((e) => e.tagName === 'label' && attr(e, 'for') === 'join-link')).toBe(true);

		const svg = all.find((e) => e.tagName === 'svg' && attr(e, 'class')?.includes('qr'))!;
		expect(attr(svg, 'role')).toBe('img');
		expect(attr(svg, 'aria-label')).toBe(`QR code of the join link ${link}`);
		expect(decodeQrSvg(qrOf(html))).toBe(link);
		// Only path data reaches the page: no script, no foreign markup inside the drawing.
		expect(svg.childNodes.filter((n) => 'tagName' in n).map((n) => n.nodeName)).toEqual([
			'rect',
			'path'
		]);

		// The copy button needs JavaScript, so the server's page leaves it out.
		expect(html).not.toContain('Copy link');
		const bigger = all.find((e) => e.tagName === 'a' && words(e) === 'Show QR code larger');
		expect(attr(bigger!, 'href')).toBe(`${klass.path}/qr`);
	});

	it('builds the link from the address the instructor used', async () => {
		const response = await fetch(`http://localhost:${server.port}${klass.path}`, {
			headers: { cookie: [...teacher.visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
		});
		const html = await response.text();
		const link = `http://localhost:${server.port}/join/${klass.code}`;
		expect(html).toContain(`value="${link}"`);
		expect(decodeQrSvg(qrOf(html))).toBe(link);
	});

	it('shows the same code full size on the QR page', async () => {
		const { html, all } = await pageOf(teacher.visitor, `${klass.path}/qr`);
		const link = `${server.url}/join/${klass.code}`;
		expect(decodeQrSvg(qrOf(html))).toBe(link);
		const said = all.filter((e) => e.tagName === 'p').map(words);
		expect(said).toContain(link);
		expect(said).toContain(`or go to ${server.url}/join and enter the code`);
		expect(said).toContain(`${klass.code.slice(0, 4)}-${klass.code.slice(4)}`);
		expect(all.find((e) => e.tagName === 'h1')!).toSatisfy((h1: Element) =>
			words(h1).includes('Tuesday seminar')
		);
	});

	it('changes the link and the QR code when the code is rotated, and drops both when archived', async () => {
		const before = qrOf((await pageOf(teacher.visitor, klass.path)).html);
		expect((await teacher.visitor.post(`${klass.path}?/rotate`, {})).status).toBe(200);
		const code = joinCodeOf(server, klass.id);
		expect(code).not.toBe(klass.code);

		const { html } = await pageOf(teacher.visitor, klass.path);
		const after = qrOf(html);
		expect(after).not.toBe(before);
		expect(decodeQrSvg(after)).toBe(`${server.url}/join/${code}`);
		expect(html).toContain(`value="${server.url}/join/${code}"`);
		expect(html).not.toContain(klass.code);
		expect(decodeQrSvg(qrOf((await pageOf(teacher.visitor, `${klass.path}/qr`)).html))).toBe(
			`${server.url}/join/${code}`
		);

		await teacher.visitor.post(`${klass.path}?/archive`, {});
		for (const path of [klass.path, `${klass.path}/qr`]) {
			const archived = (await pageOf(teacher.visitor, path)).html;
			expect(archived).toContain('This class is archived: nobody can join it.');
			expect(archived).not.toContain('class="qr');
			expect(archived).not.toContain(`/join/${code}`);
		}
		await teacher.visitor.post(`${klass.path}?/unarchive`, {});
	});
});

describe('the progress grid', () => {
	it('heads each lesson column with its number and whole title, linked to its item analysis', async () => {
		const { all } = await pageOf(teacher.visitor, klass.path);
		const heads = all.filter((e) => e.tagName === 'th' && classes(e).includes('lesson'));
		expect(heads.length).toBeGreaterThan(10);
		const first = heads[0]!.childNodes.find((n): n is Element => n.nodeName === 'a')!;
		expect(words(first)).toBe('1. Five articles, four kinds of text');
		expect(attr(first, 'href')).toBe(`${klass.path}/quizzes/reading-the-sources/five-articles`);
		const local = heads.find((th) => words(th).includes('Local allies, a global banner'));
		expect(local).toBeDefined();
	});

	it('colours each cell by quiz band or reading state, and says it in words too', async () => {
		const { all } = await pageOf(teacher.visitor, klass.path);
		const quizLesson = 'Local allies, a global banner';
		expect(cellOf(all, 'Ada Top', quizLesson)).toEqual({ band: 'high', text: '0% read quiz 100%' });
		expect(cellOf(all, 'Ben Bottom', quizLesson)).toEqual({ band: 'low', text: '0% read quiz 0%' });
		expect(cellOf(all, 'Cleo Reader', 'Five articles')).toEqual({ band: 'done', text: 'Done' });
		expect(cellOf(all, 'Dan Idle', quizLesson)).toEqual({
			band: 'not-started',
			text: '– not started'
		});
	});

	it('shows a key that names every colour in words', async () => {
		const { all } = await pageOf(teacher.visitor, klass.path);
		const key = all.find((e) => classes(e).includes('band-key'))!;
		expect(
			elements(key)
				.filter((e) => e.tagName === 'li')
				.map((li) => [classes(li).find((c) => c.startsWith('band-')), words(li)])
		).toEqual([
			['band-high', 'Quiz 80% or more'],
			['band-mid', 'Quiz 50–79%'],
			['band-low', 'Quiz under 50%'],
			['band-done', 'Done, no quiz grade'],
			['band-reading', 'Reading, no quiz grade'],
			['band-not-started', '– Not started']
		]);
	});

	it('shows a mid-band grade as such', async () => {
		execute(
			server.databasePath,
			`update attempts set score = 0.65 where user_id = ? and status = 'submitted'`,
			students.bottom.id
		);
		// Changed by hand, so the summaries the grid reads are recomputed.
		expect(analyticsCommand(server.databasePath, ['rebuild']).status).toBe(0);
		const { all } = await pageOf(teacher.visitor, klass.path);
		expect(cellOf(all, 'Ben Bottom', 'Local allies')).toEqual({
			band: 'mid',
			text: '0% read quiz 65%'
		});
	});
});

describe('a class bigger than one page of the grid', () => {
	const PUPILS = 120;
	let big: CreatedClass;
	let lessonKeys: string[];

	/** The students on one page of the grid, in order, and the page's counts and links. */
	async function gridOf(query: string) {
		const { all } = await pageOf(teacher.visitor, `${big.path}${query}`);
		const grid = all.find((e) => classes(e).includes('class-grid'))!;
		const names = elements(grid)
			.filter((e) => e.tagName === 'tr')
			.flatMap((tr) => tr.childNodes.filter((n): n is Element => n.nodeName === 'th').slice(0, 1))
			.map((th) => words(th))
			.filter((name) => name.startsWith('Pupil'))
			.map((name) => name.slice(0, 'Pupil 000'.length));
		const count = all.find((e) => classes(e).includes('grid-count'));
		const pager = all.find(
			(e) => e.tagName === 'nav' && attr(e, 'aria-label') === 'Pages of the grid'
		);
		const link = (rel: string) =>
			pager && elements(pager).find((e) => e.tagName === 'a' && attr(e, 'rel') === rel);
		return {
			names,
			count: count && words(count),
			pager: pager && words(pager),
			next: link('next') && attr(link('next')!, 'href'),
			previous: link('prev') && attr(link('prev')!, 'href'),
			all
		};
	}

	beforeAll(async () => {
		big = await createClass(server, teacher.visitor, 'Lecture hall');
		const { all } = await pageOf(teacher.visitor, big.path);
		lessonKeys = all
			.filter((e) => e.tagName === 'th' && classes(e).includes('lesson'))
			.map((th) => {
				const link = th.childNodes.find((n): n is Element => n.nodeName === 'a')!;
				return attr(link, 'href')!.replace(/^.*\/(quizzes|learn)\//, '');
			});
		// Rows put in directly, as many sign-ups would leave them: Pupil 001 … 120, joined a month
		// ago and idle since, each having completed (n mod 5) lessons.
		const monthAgo = Date.now() - 30 * 86_400_000;
		for (let n = 1; n <= PUPILS; n++) {
			const name = `Pupil ${String(n).padStart(3, '0')}`;
			execute(
				server.databasePath,
				`INSERT INTO users (email, display_name, role, password_hash, created_at, updated_at)
				VALUES (?, ?, 'student', 'not-a-hash', ?, ?)`,
				`pupil${n}@example.org`,
				name,
				monthAgo,
				monthAgo
			);
			execute(
				server.databasePath,
				`INSERT INTO class_members (class_id, user_id, joined_at)
				SELECT ?, id, ? FROM users WHERE email = ?`,
				big.id,
				monthAgo,
				`pupil${n}@example.org`
			);
			for (const key of lessonKeys.slice(0, n % 5))
				execute(
					server.databasePath,
					`INSERT INTO lesson_progress (user_id, lesson_key, sections_reached, percent,
						active_seconds, visit_seconds, started_at, completed_at, updated_at)
					SELECT id, ?, '[]', 100, 60, 0, ?, ?, ? FROM users WHERE email = ?`,
					key,
					monthAgo,
					monthAgo,
					monthAgo,
					`pupil${n}@example.org`
				);
		}
	}, 60_000);

	it('shows fifty students a page, by name, with links to the next and previous pages', async () => {
		const first = await gridOf('');
		expect(first.count).toBe(`Students 1–50 of ${PUPILS}.`);
		expect(first.names).toEqual(
			Array.from({ length: 50 }, (_, i) => `Pupil ${String(i + 1).padStart(3, '0')}`)
		);
		expect(first.pager).toBe('Page 1 of 3 Next page');
		expect(first.previous).toBeUndefined();
		const third = await gridOf('?page=3');
		expect(third.count).toBe(`Students 101–120 of ${PUPILS}.`);
		expect(third.names).toHaveLength(20);
		expect(third.pager).toBe('Previous page Page 3 of 3');
		expect(third.previous).toBe('?page=2#grid-title');
		const second = await gridOf(first.next!.replace(/#.*/, ''));
		expect(second.names[0]).toBe('Pupil 051');
	});

	it('takes a page past the end as the last, and a page that is not a number as the first', async () => {
		expect((await gridOf('?page=99')).count).toBe(`Students 101–120 of ${PUPILS}.`);
		expect((await gridOf('?page=abc')).count).toBe(`Students 1–50 of ${PUPILS}.`);
		expect((await gridOf('?page=-2')).count).toBe(`Students 1–50 of ${PUPILS}.`);
	});

	it('sorts the whole class before paging, and keeps the sort from page to page', async () => {
		const pages = [];
		let query = '?sort=completed';
		for (let page = 1; page <= 3; page++) {
			const grid = await gridOf(query);
			pages.push(...grid.names);
			if (page < 3) {
				expect(grid.next).toContain('sort=completed');
				query = grid.next!.replace(/#.*/, '');
			}
		}
		const done = (name: string) => Number(name.slice('Pupil '.length)) % 5;
		expect(new Set(pages).size).toBe(PUPILS);
		expect(pages.map(done)).toEqual([...pages.map(done)].sort((a, b) => b - a));
		// Ties stay in name order.
		expect(pages.slice(0, 3)).toEqual(['Pupil 004', 'Pupil 009', 'Pupil 014']);
	});

	it('finds students on any page, and says how many match', async () => {
		const found = await gridOf('?q=pupil%2011&page=2');
		// Pupil 110 … 119 (Pupil 011 is "pupil 011").
		expect(found.count).toBe('10 students.');
		expect(found.names[0]).toBe('Pupil 110');
		expect(found.pager).toBeUndefined();
	});

	it('lists twenty students needing attention, and links to the rest in the grid', async () => {
		const { all } = await gridOf('');
		const section = all.find(
			(e) => e.tagName === 'section' && attr(e, 'aria-labelledby') === 'attention-title'
		)!;
		expect(elements(section).filter((e) => e.tagName === 'li')).toHaveLength(20);
		expect(words(section)).toContain(`And ${PUPILS - 20} more: all ${PUPILS} in the grid.`);
		const link = elements(section).find(
			(e) => e.tagName === 'a' && words(e) === `all ${PUPILS} in the grid`
		)!;
		expect((await gridOf(attr(link, 'href')!.replace(/#.*/, ''))).count).toBe(
			`Students 1–50 of ${PUPILS}.`
		);
	});
});
