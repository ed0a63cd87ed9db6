import type { LessonProgress } from '../db/schema';
import { statsFor } from '../lesson-stats';
import { allLessons } from './lessons';

/** The one lesson the course page offers: where to start, where to go on, or nothing left. */
export type NextStep =
	| { kind: 'start'; key: string; title: string; href: string; moduleNumber: number }
	| {
			kind: 'continue';
			key: string;
			title: string;
			/** The lesson, at the section the learner last settled on when there is one. */
			href: string;
			section: string | null;
			percent: number;
			moduleNumber: number;
	  }
	| { kind: 'done' };

/**
 * Where a returning learner picks up: the lesson they last read, at the section they reached
 * last; once that lesson is complete, the next one they have not completed. Someone who has read
 * nothing starts at the beginning. `progress` is the learner's, most recently updated first.
 */
export function nextStep(progress: LessonProgress[]): NextStep {
	const lessons = allLessons();
	const first = lessons[0];
	const latest = progress.find((row) => lessons.some((entry) => entry.ref.key === row.lessonKey));
	if (!latest)
		return first
			? {
					kind: 'start',
					key: first.ref.key,
					title: first.lesson.title,
					href: first.lesson.href,
					moduleNumber: first.module.number
				}
			: { kind: 'done' };

	const index = lessons.findIndex((entry) => entry.ref.key === latest.lessonKey);
	const rows = new Map(progress.map((row) => [row.lessonKey, row]));
	const target = latest.completedAt
		? [...lessons.slice(index + 1), ...lessons.slice(0, index)].find(
				(entry) => !rows.get(entry.ref.key)?.completedAt
			)
		: lessons[index];
	if (!target) return { kind: 'done' };

	const row = rows.get(target.ref.key);
	const section = statsFor(target.lesson.file).sections.find((s) => s.id === row?.lastSection);
	return {
		kind: 'continue',
		key: target.ref.key,
		title: target.lesson.title,
		href: section ? `${target.lesson.href}#${section.id}` : target.lesson.href,
		section: section?.title ?? null,
		percent: row?.percent ?? 0,
		moduleNumber: target.module.number
	};
}
