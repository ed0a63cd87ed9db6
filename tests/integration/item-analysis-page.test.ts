import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements, elementsOf, hasClass, words } from '../helpers/html-tree';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { sampleQuiz, submitSampleQuiz } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// The item analysis over real HTTP, with its statistics kept as the students submit.

let server: TestServer;
let teacher: Person;
let ann: Person;
let klass: CreatedClass;
const quizPath = () => `${klass.path}/quizzes/franchise-model/local-allies`;

/** The page's summary line, the set chosen, and each question's facility and discrimination. */
async function report(query = '') {
	const response = await teacher.visitor.get(`${quizPath()}${query}`);
	expect(response.status).toBe(200);
	const all = elementsOf(await response.text());
	const summary = all.find((e) => e.tagName === 'p' && words(e).startsWith('From '))!;
	const checked = all.find(
		(e) => e.tagName === 'input' && e.attrs.some((a) => a.name === 'checked')
	)!;
	const figures = all
		.filter((e) => e.tagName === 'dl' && hasClass(e, 'item-stats'))
		.map((dl) =>
			elements(dl)
				.filter((e) => e.tagName === 'dd')
				.map(words)
				.slice(0, 2)
		);
	const quizSummary = all.find((e) => e.tagName === 'dl' && hasClass(e, 'quiz-summary'))!;
	const terms = elements(quizSummary).filter((e) => e.tagName === 'dt');
	const values = elements(quizSummary).filter((e) => e.tagName === 'dd');
	return {
		quiz: Object.fromEntries(terms.map((dt, i) => [words(dt), words(values[i]!)])),
		summary: words(summary).split('.')[0],
		chosen: checked.attrs.find((a) => a.name === 'value')!.value,
		figures
	};
}

beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Item analysis');
	ann = await signUp(server, 'student');
	const ben = await signUp(server, 'student');
	for (const student of [ann, ben]) await student.visitor.post(`/join/${klass.code}`, {});
	// The quiz grades by the highest attempt: Ann's first counts, not her second.
	await submitSampleQuiz(ann.visitor, true);
	await submitSampleQuiz(ann.visitor, false);
	await submitSampleQuiz(ben.visitor, true);
}, 120_000);
afterAll(() => server?.stop());

describe('the item analysis page', () => {
	const questions = sampleQuiz.questions.length;

	it('rests on the attempts that count for the grade by default, and says how many', async () => {
		const { summary, chosen, figures } = await report();
		expect(chosen).toBe('counted');
		expect(summary).toBe('From 2 submitted attempts by 2 students in this class');
		// Everyone right: no spread, so no discrimination ("–"), not a made-up 0.
		expect(figures).toEqual(Array.from({ length: questions }, () => ['100%', '–']));
	});

	it('can rest on all attempts instead', async () => {
		const { summary, chosen, figures, quiz } = await report('?attempts=all');
		expect(chosen).toBe('all');
		expect(summary).toBe('From 3 submitted attempts by 2 students in this class');
		// Two of three right, and each question tracks the rest of the quiz exactly.
		expect(figures).toEqual(Array.from({ length: questions }, () => ['67%', '1.00']));
		expect(quiz).toMatchObject({
			'Average grade': '66.7%',
			'Median grade': '100.0%',
			// Grades 1, 0, 1: SD √(1/3).
			'Standard deviation': '57.7%',
			'First attempts': '2 attempts, average 100.0%',
			'All attempts': '3 attempts, average 66.7%'
		});
	});

	it('can rest on first attempts, and takes an unknown choice for the default', async () => {
		const first = await report('?attempts=first');
		expect(first.chosen).toBe('first');
		expect(first.summary).toBe('From 2 submitted attempts by 2 students in this class');
		expect((await report('?attempts=best')).chosen).toBe('counted');
	});
});

describe('the statistics export', () => {
	const exported = (file: string, visitor = teacher.visitor) =>
		visitor.get(`${quizPath()}/export/${file}`);

	it('gives the quiz summary and the question table as CSV, for the attempts chosen', async () => {
		const summary = await exported('summary.csv?attempts=all');
		expect(summary.status).toBe(200);
		expect(summary.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const lines = (await summary.text()).split('\r\n');
		expect(lines.slice(0, 5)).toEqual([
			'Statistic,Value',
			'Attempts the figures rest on,all',
			'Attempts,3',
			'Students,2',
			'Average grade (%),66.67'
		]);
		const questions = (await (await exported('questions.csv')).text()).split('\r\n');
		expect(questions[0]).toMatch(/^Number,Question,Type,Prompt,In the quiz,Attempts,/);
		// Counted attempts by default: two, both right.
		expect(questions[1]).toMatch(/,yes,2,0,0,100,0,/);
		expect(questions).toHaveLength(sampleQuiz.questions.length + 1);
	});

	it('gives both as JSON', async () => {
		const body = (await (await exported('statistics.json?attempts=first')).json()) as {
			summary: { Statistic: string; Value: unknown }[];
			questions: Record<string, unknown>[];
		};
		expect(body.summary[0]).toEqual({ Statistic: 'Attempts the figures rest on', Value: 'first' });
		expect(body.questions.map((q) => q['Facility (%)'])).toEqual(
			sampleQuiz.questions.map(() => 100)
		);
	});

	it('is the class’s instructor’s only, and knows its files', async () => {
		expect((await exported('summary.csv', ann.visitor)).status).not.toBe(200);
		expect((await exported('answers.csv')).status).toBe(404);
	});
});
