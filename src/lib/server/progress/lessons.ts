import { course, type Lesson } from '$lib/content/course';
import { statsFor } from '../lesson-stats';
import { catalog, quizIdFor } from '../quiz/catalog';
import type { LessonRef } from './lesson-progress';

/** A lesson as progress tracking sees it: its key, its checkpoints and whether it has a quiz. */
export function lessonRef(lesson: Pick<Lesson, 'moduleSlug' | 'slug' | 'file'>): LessonRef {
	const key = quizIdFor(lesson.moduleSlug, lesson.slug);
	return {
		key,
		sections: statsFor(lesson.file).sections.map((s) => s.id),
		hasQuiz: catalog.has(key)
	};
}

/** Every lesson of the course with its module, in reading order. */
export function allLessons() {
	return course.flatMap((module) =>
		module.lessons.map((lesson) => ({ module, lesson, ref: lessonRef(lesson) }))
	);
}

export function findLesson(key: string) {
	return allLessons().find((entry) => entry.ref.key === key);
}

/** The course's lessons as the class grid lists them, with each quiz's grading method. */
export function gridLessons() {
	return allLessons().map(({ lesson, ref }) => ({
		key: ref.key,
		title: lesson.title,
		hasQuiz: ref.hasQuiz,
		grading: catalog.get(ref.key)?.quiz.grading ?? ('highest' as const)
	}));
}
