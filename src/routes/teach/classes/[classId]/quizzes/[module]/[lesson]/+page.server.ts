import { error } from '@sveltejs/kit';
import { findSource } from '$lib/content/sources';
import { itemAnalysis } from '$lib/server/analytics/item-analysis';
import { classAccess } from '$lib/server/class-access';
import { allLessons } from '$lib/server/progress/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const quizId = `${event.params.module}/${event.params.lesson}`;
	const entry = allLessons().find(
		(candidate) => candidate.ref.key === quizId && candidate.ref.hasQuiz
	);
	if (!entry) error(404, 'No such quiz.');
	const analysis = await itemAnalysis(klass.id, quizId);
	return {
		klass: { id: klass.id, name: klass.name },
		lesson: { title: entry.lesson.title, href: entry.lesson.href },
		attempts: analysis.attempts,
		items: analysis.items.map((item) => ({
			...item,
			citations: item.citations.map((citation) => ({
				...citation,
				label: findSource(citation.source)?.label ?? citation.source,
				workingTitle: findSource(citation.source)?.workingTitle ?? citation.source
			}))
		}))
	};
};
