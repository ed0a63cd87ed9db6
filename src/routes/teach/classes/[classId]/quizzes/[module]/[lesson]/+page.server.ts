import { error } from '@sveltejs/kit';
import { findSource } from '$lib/content/sources';
import { attemptSetCounts, attemptSetParam } from '$lib/server/analytics/attempt-counts';
import { itemAnalysis, MIN_FLAG_ATTEMPTS } from '$lib/server/analytics/item-analysis';
import { classAccess } from '$lib/server/class-access';
import { findLesson } from '$lib/server/progress/lessons';
import { awaitingByQuestion } from '$lib/server/quiz/essay-marks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const quizId = `${event.params.module}/${event.params.lesson}`;
	const entry = findLesson(quizId);
	if (!entry?.ref.hasQuiz) error(404, 'No such quiz.');
	const attemptSet = attemptSetParam.parse(event.url.searchParams.get('attempts') ?? undefined);
	const analysis = await itemAnalysis(klass.id, quizId, attemptSet);
	const awaiting = await awaitingByQuestion(klass.id, quizId);
	return {
		klass: { id: klass.id, name: klass.name },
		lesson: { title: entry.lesson.title, href: entry.lesson.href },
		attemptSet,
		minFlagAttempts: MIN_FLAG_ATTEMPTS,
		exportPath: `/teach/classes/${klass.id}/quizzes/${quizId}/export`,
		sets: await attemptSetCounts(klass.id, quizId),
		attempts: analysis.attempts,
		students: analysis.students,
		summary: analysis.summary,
		gradingPath: `/teach/classes/${klass.id}/grading`,
		items: analysis.items.map((item) => ({
			...item,
			awaitingGrading: awaiting.get(item.questionKey) ?? 0,
			citations: item.citations.map((citation) => {
				const article = findSource(citation.source);
				return {
					...citation,
					label: article?.label ?? citation.source,
					workingTitle: article?.workingTitle ?? citation.source
				};
			})
		}))
	};
};
