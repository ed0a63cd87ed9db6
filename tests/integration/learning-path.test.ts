import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLessonText } from '../../src/lib/content/lesson-text';
import { Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { signUp, type Person } from '../helpers/people';
import { answerQuiz, reachSections } from '../helpers/lesson-path';
import { quizOf } from '../helpers/quiz';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const MODULE = '/learn/franchise-model';
const [first, second, third, fourth] = [
	'local-allies',
	'claims-and-propaganda',
	'reach-beyond-the-region',
	'what-changed'
];
const checkpoints = readLessonText(
	readFileSync(join(projectRoot, 'lessons/01-franchise-model/01-local-allies/index.md'), 'utf8')
).sections.map((s) => s.id);

/** What a person reads: tags, Svelte's markers and repeated spaces gone. */
const words = (html: string) =>
	html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/** A lesson's state in words. Its tags are inline: dropped without a space, as a browser draws them. */
function stateOf(card: string) {
	const status = /<p class="lesson-status">([\s\S]*?)<\/p>/.exec(card)?.[1];
	return status === undefined
		? null
		: status
				.replace(/<[^>]+>/g, '')
				.replace(/\s+/g, ' ')
				.trim();
}

/** Each lesson on a module page: its slug, the words of its state, whether it is up next. */
function lessonCards(html: string) {
	const start = html.indexOf('class="card-list lesson-path"');
	const list = html.slice(start, html.indexOf('</ol>', start));
	return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map(([card, inner]) => ({
		lesson: /href="\/learn\/franchise-model\/([^"#]+)"/.exec(card)![1],
		state: stateOf(inner!),
		upNext: words(inner!).includes('Up next'),
		current: /aria-current="step"/.test(card)
	}));
}

/** The course page's card of one module, in words. */
function moduleCard(html: string, href: string) {
	const card = [...html.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].find(([, inner]) =>
		inner!.includes(`href="${href}"`)
	)!;
	return { text: words(card[1]!), html: card[1]! };
}

describe('the path through a module', () => {
	let learner: Person;
	let quizScore: number;
	beforeAll(async () => {
		learner = await signUp(server);
		// Three of the first lesson's checkpoints reached, then the second lesson done, in that order.
		await reachSections(learner, `franchise-model/${first}`, checkpoints.slice(0, 3));
		const attempt = await answerQuiz(
			learner,
			'01-franchise-model/02-claims-and-propaganda',
			`${MODULE}/${second}`,
			6
		);
		expect((await learner.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
		expect((await learner.visitor.post(`${MODULE}/${second}?/complete`, {})).status).toBe(303);
		[{ score: quizScore }] = query<{ score: number }>(
			server.databasePath,
			'select score from attempts where user_id = ?',
			learner.id
		) as [{ score: number }];
	});

	it("shows each lesson's state and quiz score, and the next lesson as up next", async () => {
		const read = Math.round((100 * 3) / checkpoints.length);
		expect(quizScore).toBe(
			6 / quizOf('01-franchise-model/02-claims-and-propaganda').questions.length
		);
		const html = await (await learner.visitor.get(MODULE)).text();
		expect(lessonCards(html)).toEqual([
			{ lesson: first, state: `In progress · ${read}% read`, upNext: false, current: false },
			{
				lesson: second,
				state: `Complete · Quiz score ${Math.round(quizScore * 100)}%`,
				upNext: false,
				current: false
			},
			{ lesson: third, state: 'Not started', upNext: true, current: true },
			{ lesson: fourth, state: 'Not started', upNext: false, current: false }
		]);
		expect(words(html)).toContain('1 of 4 lessons complete');
		expect(html).toMatch(/<progress id="module-progress" max="100" value="25"/);
	});

	it('offers the same lesson as "Continue" on the course page, with the module\'s counts', async () => {
		const html = await (await learner.visitor.get('/')).text();
		const titleOf = async (slug: string) =>
			/<h1>([^<]+)<\/h1>/.exec(await (await learner.visitor.get(`${MODULE}/${slug}`)).text())![1];
		expect(html).toContain(
			`<a class="button" href="${MODULE}/${third}" data-sveltekit-reload="">Continue: ${await titleOf(third!)}</a>`
		);
		const card = moduleCard(html, MODULE);
		expect(card.text).toContain('1 of 4 lessons complete');
		// One quiz graded 75 %, three not yet: a module score of 19 %.
		expect(card.text).toContain('Mastery: attempted');
		expect(card.html).toMatch(/<progress [^>]*value="25"/);
		expect(moduleCard(html, '/learn/mastung-networks').text).toContain('0 of 4 lessons complete');
		expect(moduleCard(html, '/learn/mastung-networks').text).toContain('Mastery: not started');
	});

	it('never shows a score for a quiz whose attempt is still open', async () => {
		const person = await signUp(server);
		await answerQuiz(person, '01-franchise-model/04-what-changed', `${MODULE}/${fourth}`, 8);
		const cards = lessonCards(await (await person.visitor.get(MODULE)).text());
		expect(cards.map((card) => card.state)).toEqual([
			'Not started',
			'Not started',
			'Not started',
			'In progress · 0% read'
		]);
		// Nothing read yet: the module's first lesson is the one to do.
		expect(cards.map((card) => card.upNext)).toEqual([true, false, false, false]);
	});
});

describe('the path for someone signed out or new', () => {
	it('lists the lessons without states, and suggests signing up', async () => {
		const html = await (await new Visitor(server.url).get(MODULE)).text();
		const cards = lessonCards(html);
		expect(cards.map((card) => card.lesson)).toEqual([first, second, third, fourth]);
		expect(cards.every((card) => card.state === null && !card.upNext && !card.current)).toBe(true);
		expect(words(html)).not.toMatch(/Not started|In progress|Complete|Quiz score|Mastery/);
		expect(html).not.toContain('lesson-mark');
		expect(html).toContain('href="/sign-up"');
		expect(words(html)).toContain('to see which lessons you have read');
	});

	it('offers the first lesson as "Start here" on the course page', async () => {
		const firstLesson = '/learn/reading-the-sources/five-articles';
		const signedOut = await (await new Visitor(server.url).get('/')).text();
		expect(signedOut).toMatch(
			new RegExp(
				`<a class="button" href="${firstLesson}" data-sveltekit-reload="">Start here: [^<]+</a>`
			)
		);
		expect(words(signedOut)).toContain('Create a free account to keep your place');
		expect(words(signedOut)).not.toMatch(/lessons? complete|Mastery|Continue/);

		const newcomer = await signUp(server);
		const home = await (await newcomer.visitor.get('/')).text();
		expect(home).toMatch(
			new RegExp(`<a class="button" href="${firstLesson}" data-sveltekit-reload="">Start here: `)
		);
		expect(words(moduleCard(home, MODULE).text)).toContain('0 of 4 lessons complete');
		expect(words(home)).not.toContain('Create a free account to keep your place');
	});
});
