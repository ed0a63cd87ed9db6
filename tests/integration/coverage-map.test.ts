import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citedPassages } from '../../src/lib/content/passages';
import { COVERAGE_MIN_ATTEMPTS } from '../../src/lib/server/analytics/coverage';
import { articlesDir } from '../helpers/course-content';
import { elementsOf, hasClass, words, type Element } from '../helpers/html-tree';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { projectRoot, startServer, type TestServer } from '../helpers/server';

// The coverage map of a class whose students all miss one question of the sample quiz and get
// every other right, read over HTTP as the instructor sees it.

const missedQuestion = sampleQuiz.questions.find((q) => q.id === 'franchise-meaning')!;
const rightQuestion = sampleQuiz.questions.find((q) => q.id === 'iskp-claimed-attacks-count')!;

let server: TestServer;
let teacher: Person;
let klass: CreatedClass;

/** The passages on the map, each as the words of its list item. */
async function passagesOn(path: string): Promise<string[]> {
	const response = await teacher.visitor.get(path);
	expect(response.status).toBe(200);
	const all = elementsOf(await response.text());
	return all
		.filter((e) => e.tagName === 'ol' && hasClass(e, 'passages'))
		.flatMap((list) => list.childNodes.filter((n): n is Element => n.nodeName === 'li'))
		.map(words);
}

const withQuote = (passages: string[], quote: string) => passages.filter((p) => p.includes(quote));

beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	klass = await createClass(server, teacher.visitor, 'Coverage seminar');
	for (let i = 0; i < COVERAGE_MIN_ATTEMPTS; i++) {
		const student = await signUp(server, 'student', { displayName: `Student ${i + 1}` });
		expect((await student.visitor.post(`/join/${klass.code}`, {})).status).toBe(303);
		const attempt = await startAttempt(student.visitor);
		for (const question of sampleQuiz.questions) {
			const right = question.id !== missedQuestion.id;
			expect((await postAnswer(student.visitor, attempt, question, right)).status).toBe(303);
		}
		expect((await student.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
	}
}, 120_000);
afterAll(() => server?.stop());

describe('the coverage map', () => {
	it('shows how the class does on the questions that test each passage', async () => {
		const passages = await passagesOn(`${klass.path}/coverage`);
		const [missed] = withQuote(passages, missedQuestion.citations[0]!.quote);
		expect(missed).toContain(
			`${missedQuestion.prompt} — 0% from ${COVERAGE_MIN_ATTEMPTS} attempts most students miss this`
		);
		const [right] = withQuote(passages, 'with a staggering 90 claimed attacks');
		expect(right).toContain(
			`${rightQuestion.prompt} — 100% from ${COVERAGE_MIN_ATTEMPTS} attempts`
		);
		expect(right).not.toContain('most students miss');
	});

	it('marks the passages lessons cite that no question tests', async () => {
		// Which passages those are comes from the course itself; the grouping has its own spec.
		const untested = citedPassages(`${projectRoot}/lessons`, projectRoot, articlesDir)
			.flatMap((article) => article.passages)
			.filter((passage) => passage.pages.length && !passage.questions.length);
		expect(untested.length).toBeGreaterThan(0);
		const passages = await passagesOn(`${klass.path}/coverage`);
		for (const passage of untested) {
			const shown = withQuote(passages, passage.quote);
			expect(shown.length, passage.quote).toBeGreaterThan(0);
			expect(shown[0]).toContain('No question tests this');
		}
		const tested = passages.filter((p) => p.includes('Tested by'));
		expect(tested.length).toBeGreaterThan(untested.length);
		expect(tested.every((p) => !p.includes('No question tests this'))).toBe(true);
	});

	it('can show only the passages that stand out', async () => {
		const all = await passagesOn(`${klass.path}/coverage`);
		const flagged = await passagesOn(`${klass.path}/coverage?only=flagged`);
		expect(flagged.length).toBeGreaterThan(0);
		expect(flagged.length).toBeLessThan(all.length);
		expect(
			flagged.every((p) => p.includes('No question tests this') || p.includes('most students miss'))
		).toBe(true);
		expect(withQuote(flagged, missedQuestion.citations[0]!.quote)).toHaveLength(1);
	});
});
