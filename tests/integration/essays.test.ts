// Essays over real HTTP: a learner writes one, it waits for a mark, the class's instructor marks
// it on the To grade page, and the learner's score, the statistics and the pages follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { addEssay, essayQuestion } from '../helpers/essays';
import { createClass, signUp, type Person } from '../helpers/people';
import { QUIZ_PATH, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

const QUIZ_ID = 'franchise-model/local-allies';
const ESSAY = essayQuestion();
/** Markup a page must show as text, never run. */
const WRITTEN =
	'The columnist means <script>alert(1)</script> local groups that act under the banner\nwith no head office.';

let server: TestServer;
let student: Person;
let teacher: Person;
let other: Person;
let gradingPath: string;
let analysisPath: string;
let attempt: string;
let essayNumber: number;

beforeAll(async () => {
	server = await startServer();
	essayNumber = addEssay(server.databasePath, QUIZ_ID, ESSAY);
	teacher = await signUp(server, 'instructor');
	other = await signUp(server, 'instructor');
	student = await signUp(server, 'student', { displayName: 'Essay Writer' });
	const klass = await createClass(server, teacher.visitor, 'Essay seminar');
	expect((await student.visitor.post(`/join/${klass.code}`, {})).status).toBe(303);
	gradingPath = `${klass.path}/grading`;
	analysisPath = `${klass.path}/quizzes/${QUIZ_ID}`;
	attempt = await startAttempt(student.visitor);
}, 60_000);
afterAll(() => server?.stop());

const essayAnswer = () =>
	query<{ score: number; version: number; attemptId: number }>(
		server.databasePath,
		`select an.score, an.question_version_id as version, an.attempt_id as attemptId
		from answers an join question_versions qv on qv.id = an.question_version_id
		where qv.type = 'essay'`
	)[0];
const attemptScore = () =>
	query<{ score: number | null }>(
		server.databasePath,
		'select score from attempts where id = ?',
		Number(attempt.split('/').at(-1))
	)[0]!.score;
/** The essay's facility as the item analysis shows it, and its note on marks awaited. */
async function essayFigures() {
	const html = await (await teacher.visitor.get(analysisPath)).text();
	const item = html.slice(html.indexOf(`Question ${essayNumber} · essay`));
	const section = item.slice(0, item.indexOf('</section>'));
	return {
		facility: /<dt>Facility<\/dt>\s*<dd>([^<]*)<\/dd>/.exec(section)?.[1],
		awaiting: /<dt>Awaiting a mark<\/dt>\s*<dd>\s*([^<]*)/.exec(section)?.[1]?.trim()
	};
}
const markFields = (mark: string, comment = '') => {
	const answer = essayAnswer()!;
	return { attempt: String(answer.attemptId), version: String(answer.version), mark, comment };
};

/** The student's review cards for the essay: there should never be any. */
const essayCards = () =>
	query(
		server.databasePath,
		'select * from review_cards where user_id = ? and question_key = ?',
		student.id,
		ESSAY.id
	);

describe('an essay question', () => {
	it('offers a labelled box holding the template, and never shows the graders’ guidance', async () => {
		const html = await (await student.visitor.get(`${attempt}?q=${essayNumber}`)).text();
		expect(html).toMatch(/<label for="([^"]+)-answer">Your answer<\/label>/);
		expect(html).toMatch(/<textarea[^>]*name="answer"[^>]*>The columnist means<\/textarea>/);
		expect(html).toContain('Write 5 to 200 words.');
		expect(html).not.toContain(ESSAY.guidance!);
	});

	it('refuses an answer off its word limits, saying why, and saves a good one as awaiting a mark', async () => {
		const short = await student.visitor.post(`${attempt}?/answer`, {
			question: ESSAY.id,
			answer: 'Too short.'
		});
		expect(short.status).toBe(400);
		expect(await short.text()).toContain('Write at least 5 words (this answer has 2).');
		expect(essayAnswer()).toBeUndefined();

		const saved = await student.visitor.post(`${attempt}?/answer`, {
			question: ESSAY.id,
			answer: WRITTEN
		});
		expect(saved.status).toBe(303);
		expect(essayAnswer()!.score).toBe(0);
		const html = await (await student.visitor.get(`${attempt}?q=${essayNumber}`)).text();
		expect(html).toContain('Awaits your instructor’s grading');
		expect(html).not.toMatch(/Not quite|Partly right/);
		// The explanation and its source, as for other questions once answered.
		expect(html).toContain(ESSAY.explanation);
	});

	it('never becomes a review card', async () => {
		expect(essayCards()).toEqual([]);
	});

	it('leaves the submitted attempt’s grade provisional until marked', async () => {
		expect((await student.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
		expect(attemptScore()).toBe(0);
		const end = await (await student.visitor.get(attempt)).text();
		expect(end).toContain('(provisional)');
		expect(end).toContain('1 answer awaits grading');
		const list = await (await student.visitor.get(QUIZ_PATH)).text();
		expect(list).toContain('provisional: 1 answer awaits grading');
		expect(essayCards()).toEqual([]);
	});
});

describe('the To grade page', () => {
	it('is linked from the class page with the count, and lists the essay with its guidance, as text', async () => {
		const classPage = await (
			await teacher.visitor.get(gradingPath.replace(/\/grading$/, ''))
		).text();
		expect(classPage).toContain('To grade: 1\n\t\tessay answer awaits your mark');
		const html = await (await teacher.visitor.get(gradingPath)).text();
		expect(html).toContain('1 essay answer awaits your mark');
		expect(html).toContain('Essay Writer');
		expect(html).toContain(ESSAY.prompt);
		expect(html).toContain(ESSAY.guidance!);
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		expect(html).not.toContain('<script>alert(1)</script>');
	});

	it('is where the item analysis sends an instructor while the essay counts 0, unmarked', async () => {
		expect(await essayFigures()).toEqual({
			facility: '0%',
			awaiting: '1 answer in this class, counted as 0 until marked:'
		});
	});

	it('refuses a mark out of range or not a number with a clear message, changing nothing', async () => {
		for (const [mark, message] of [
			['150', 'Give a mark from 0 to 100 %.'],
			['-5', 'Give the mark as a number from 0 to 100, like 70.'],
			['lots', 'Give the mark as a number from 0 to 100, like 70.'],
			['', 'Give a mark, from 0 to 100 %.']
		]) {
			const response = await teacher.visitor.post(`${gradingPath}?/mark`, markFields(mark!));
			expect(response.status, mark).toBe(400);
			expect(await response.text(), mark).toContain(message);
		}
		const unknown = await teacher.visitor.post(`${gradingPath}?/mark`, {
			...markFields('50'),
			version: '999999'
		});
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('No such answer to grade in this class.');
		expect(essayAnswer()!.score).toBe(0);
		expect(query(server.databasePath, 'select * from essay_marks')).toEqual([]);
	});

	it('is refused to another instructor, to students and to visitors signed out', async () => {
		expect((await other.visitor.get(gradingPath)).status).toBe(403);
		expect((await student.visitor.get(gradingPath)).status).toBe(403);
		const signedOut = await new Visitor(server.url).get(gradingPath);
		expect(signedOut.status).toBe(303);
		expect(signedOut.headers.get('location')).toMatch(/^\/sign-in\?redirectTo=/);
		const refused = await other.visitor.post(`${gradingPath}?/mark`, markFields('100'));
		expect(refused.status).toBe(403);
		// Nor can one mark it from a class of one's own that the student is not in.
		const own = await createClass(server, other.visitor, 'Another seminar');
		const elsewhere = await other.visitor.post(`${own.path}/grading?/mark`, markFields('100'));
		expect(elsewhere.status).toBe(404);
		expect(query(server.databasePath, 'select * from essay_marks')).toEqual([]);
	});

	it('marks the essay: the answer, the attempt, the summary and the statistics follow', async () => {
		const questions = sampleQuiz.questions.length + 1;
		const response = await teacher.visitor.post(
			`${gradingPath}?/mark`,
			markFields('50', 'Say who the groups are.')
		);
		expect(response.status).toBe(200);
		expect(essayAnswer()!.score).toBe(0.5);
		expect(attemptScore()).toBeCloseTo(0.5 / questions, 12);
		const [summary] = query<{ highest: number }>(
			server.databasePath,
			'select highest from quiz_summaries where user_id = ? and quiz_id = ?',
			student.id,
			QUIZ_ID
		);
		expect(summary!.highest).toBeCloseTo(0.5 / questions, 12);
		const [stats] = query<{ sum_score: number; sum_grade: number }>(
			server.databasePath,
			`select qs.sum_score, s.sum_grade from question_stats qs
			join quiz_stats s using (class_id, quiz_id, attempt_set)
			where qs.attempt_set = 'all' and qs.question_version_id = ?`,
			essayAnswer()!.version
		);
		expect(stats).toEqual({ sum_score: 0.5, sum_grade: expect.closeTo(0.5 / questions, 12) });
		const [mark] = query<{ grader_id: number; comment: string }>(
			server.databasePath,
			'select grader_id, comment from essay_marks'
		);
		expect(mark).toEqual({ grader_id: teacher.id, comment: 'Say who the groups are.' });

		const html = await (await teacher.visitor.get(gradingPath)).text();
		expect(html).toContain('Nothing to grade');
		expect(html).toContain('Marked recently');
		expect(await essayFigures()).toEqual({ facility: '50%', awaiting: undefined });
	});

	it('shows the learner the mark and the comment, and the grade as final', async () => {
		const html = await (await student.visitor.get(`${attempt}?q=${essayNumber}`)).text();
		expect(html).toContain('Marked by your instructor: 50 %');
		expect(html).toContain('Say who the groups are.');
		const end = await (await student.visitor.get(attempt)).text();
		expect(end).not.toContain('provisional');
		expect(await (await student.visitor.get(QUIZ_PATH)).text()).not.toContain('provisional');
	});

	it('takes a new mark in Moodle’s fractions, regrading the attempt', async () => {
		const response = await teacher.visitor.post(`${gradingPath}?/mark`, markFields('33.33333 %'));
		expect(response.status).toBe(200);
		expect(essayAnswer()!.score).toBeCloseTo(1 / 3, 6);
		expect(attemptScore()).toBeCloseTo(0.3333333 / (sampleQuiz.questions.length + 1), 9);
		expect(query(server.databasePath, 'select comment from essay_marks')).toEqual([
			{ comment: null }
		]);
	});
});
