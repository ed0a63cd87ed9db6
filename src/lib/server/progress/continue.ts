import { statsFor } from '../lesson-stats';
import { progressOf } from './lesson-progress';
import { allLessons } from './lessons';

/**
 * Where a returning learner picks up: the lesson they last read, at the section they reached
 * last; once that lesson is complete, the next one they have not completed.
 */
export async function continueWhere(userId: number) {
	const progress = await progressOf(userId);
	const lessons = allLessons();
	const latest = progress.find((row) => lessons.some((entry) => entry.ref.key === row.lessonKey));
	if (!latest) return null;
	const index = lessons.findIndex((entry) => entry.ref.key === latest.lessonKey);
	if (!latest.completedAt) {
		const { lesson } = lessons[index]!;
		const section = statsFor(lesson.file).sections.find((s) => s.id === latest.lastSection);
		return {
			title: lesson.title,
			href: section ? `${lesson.href}#${section.id}` : lesson.href,
			section: section?.title ?? null,
			percent: latest.percent
		};
	}
	const done = new Set(progress.filter((row) => row.completedAt).map((row) => row.lessonKey));
	const next = [...lessons.slice(index + 1), ...lessons.slice(0, index)].find(
		(entry) => !done.has(entry.ref.key)
	);
	return next
		? { title: next.lesson.title, href: next.lesson.href, section: null, percent: 0 }
		: null;
}
