import { error, redirect } from '@sveltejs/kit';
import { classAccess } from '$lib/server/class-access';
import { isMember, removeStudent } from '$lib/server/classes';
import { progressOf } from '$lib/server/progress/lesson-progress';
import { allLessons } from '$lib/server/progress/lessons';
import { attemptQuestionsOf, attemptsOf, quizSettings } from '$lib/server/quiz/attempts';
import { attemptQuestionStates } from '$lib/server/quiz/question-views';
import { findUserById } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

async function studentOf(event: Parameters<PageServerLoad>[0] | Parameters<Actions[string]>[0]) {
	const { klass } = await classAccess(event, event.params.classId);
	const studentId = Number(event.params.studentId);
	if (!Number.isSafeInteger(studentId) || !(await isMember(klass.id, studentId))) {
		error(404, 'This student is not in the class.');
	}
	return { klass, studentId };
}

export const load: PageServerLoad = async (event) => {
	const { klass, studentId } = await studentOf(event);
	const student = (await findUserById(studentId))!;
	const progress = new Map((await progressOf(studentId)).map((row) => [row.lessonKey, row]));
	const lessons = allLessons();
	const quizzes = await Promise.all(
		lessons
			.filter((entry) => entry.ref.hasQuiz)
			.map(async ({ lesson, ref }) => {
				const settings = await quizSettings(ref.key);
				const attempts = await attemptsOf(studentId, ref.key);
				return {
					key: ref.key,
					title: lesson.title,
					attempts: await Promise.all(
						attempts.map(async (attempt, index) => ({
							id: attempt.id,
							number: index + 1,
							status: attempt.status,
							score: attempt.score,
							// The instructor sees answers with the key, as a review would.
							questions: attemptQuestionStates(settings, true, await attemptQuestionsOf(attempt.id))
						}))
					)
				};
			})
	);
	return {
		klass: { id: klass.id, name: klass.name },
		student: { id: studentId, displayName: student.displayName, email: student.email },
		lessons: lessons.map(({ lesson, ref }) => {
			const row = progress.get(ref.key);
			return {
				key: ref.key,
				title: lesson.title,
				percent: row?.percent ?? 0,
				completed: !!row?.completedAt,
				minutes: Math.round((row?.activeSeconds ?? 0) / 60)
			};
		}),
		quizzes: quizzes.filter((quiz) => quiz.attempts.length > 0)
	};
};

export const actions: Actions = {
	remove: async (event) => {
		const { klass, studentId } = await studentOf(event);
		await removeStudent(klass.id, studentId);
		redirect(303, `/teach/classes/${klass.id}`);
	}
};
