import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visitor } from '../helpers/client';
import { analyticsCommand } from '../helpers/cli';
import { execute } from '../helpers/db';
import { attr, elements, elementsOf, words, type Element } from '../helpers/html-tree';
import { createClass, joinCodeOf, signUp, type CreatedClass, type Person } from '../helpers/people';
import { decodeQrSvg } from '../helpers/qr-svg';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
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

async function submitSampleQuiz(visitor: Visitor, right: boolean) {
	const attempt = await startAttempt(visitor);
	for (const question of sampleQuiz.questions)
		expect((await postAnswer(visitor, attempt, question, right)).status).toBe(303);
	expect((await visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
}

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
