// The coverage map: each article's passages as lessons and quizzes cite them, with how many
// questions test each and how a class does on those questions.
import passages from 'virtual:course/passages';
import { course } from '$lib/content/course';
import { findSource } from '$lib/content/sources';
import { findLesson } from '../progress/lessons';
import { catalog } from '../quiz/catalog';
import { MIN_FLAG_ATTEMPTS } from './item-analysis';
import { rows } from './shared';

/** Fewer attempts than this and a facility says too little to mark a question missed. */
export const COVERAGE_MIN_ATTEMPTS = MIN_FLAG_ATTEMPTS;
/** "Most students miss": a mean score under half, as the page rounds it (a whole percentage). */
export const MISSED_BELOW_PERCENT = 50;

export interface CoverageQuestion {
	quiz: string;
	quizTitle: string;
	questionKey: string;
	prompt: string;
	attempts: number;
	facility: number | null;
	missed: boolean;
}

export interface CoveragePassage {
	quote: string;
	pages: { title: string; href: string }[];
	questions: CoverageQuestion[];
	/** Cited by a lesson, tested by no question. */
	untested: boolean;
}

export interface ArticleCoverage {
	source: string;
	label: string;
	workingTitle: string;
	passages: CoveragePassage[];
}

/**
 * Attempts and total score per question of the given quizzes, versions pooled as the item
 * analysis pools them, from the counted attempts' kept sums: one grouped read for the whole map.
 */
async function facilities(classId: number, quizzes: string[]) {
	const found = await rows<{ quiz: string; question: string; attempts: number; sumScore: number }>(
		`SELECT s.quiz_id AS quiz, v.question_key AS question, SUM(s.attempts) AS attempts,
			TOTAL(s.sum_score) AS sumScore
		FROM question_stats s JOIN question_versions v ON v.id = s.question_version_id
		WHERE s.class_id = ? AND s.attempt_set = 'counted'
			AND s.quiz_id IN (SELECT value FROM json_each(?))
		GROUP BY s.quiz_id, v.question_key`,
		classId,
		JSON.stringify(quizzes)
	);
	return new Map(found.map((row) => [`${row.quiz}\n${row.question}`, row]));
}

function pageOf(key: string): { title: string; href: string } | null {
	const lesson = findLesson(key)?.lesson;
	if (lesson) return { title: lesson.title, href: lesson.href };
	const module = course.find((m) => m.slug === key);
	return module ? { title: `${module.title} (introduction)`, href: module.href } : null;
}

/**
 * The coverage map for one class: every cited passage, with the class's results beside it, from
 * the attempts that count for each student's grade (the item analysis's default).
 */
export async function coverageMap(classId: number): Promise<ArticleCoverage[]> {
	const quizzes = [
		...new Set(passages.flatMap((a) => a.passages.flatMap((p) => p.questions.map((q) => q.quiz))))
	].filter((id) => catalog.has(id));
	const results = await facilities(classId, quizzes);
	return passages.map(({ source, passages: list }) => {
		const article = findSource(source);
		return {
			source,
			label: article?.label ?? source,
			workingTitle: article?.workingTitle ?? source,
			passages: list.map((passage) => {
				const questions = passage.questions.flatMap(({ quiz, question }) => {
					const result = results.get(`${quiz}\n${question}`);
					const entry = catalog.get(quiz);
					if (!entry) return [];
					const prompt = entry.quiz.questions.find((q) => q.id === question)?.prompt ?? '';
					const attempts = result?.attempts ?? 0;
					const facility = attempts ? result!.sumScore / attempts : null;
					return [
						{
							quiz,
							quizTitle: findLesson(quiz)?.lesson.title ?? quiz,
							questionKey: question,
							prompt,
							attempts,
							facility,
							missed:
								facility !== null &&
								attempts >= COVERAGE_MIN_ATTEMPTS &&
								Math.round(facility * 100) < MISSED_BELOW_PERCENT
						}
					];
				});
				const pages = passage.pages.flatMap((key) => pageOf(key) ?? []);
				return {
					quote: passage.quote,
					pages,
					questions,
					untested: pages.length > 0 && questions.length === 0
				};
			})
		};
	});
}
