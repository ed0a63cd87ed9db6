import {
	COVERAGE_MIN_ATTEMPTS,
	MISSED_BELOW_PERCENT,
	coverageMap,
	type CoveragePassage
} from '$lib/server/analytics/coverage';
import { classAccess } from '$lib/server/class-access';
import type { PageServerLoad } from './$types';

const standsOut = (passage: CoveragePassage) =>
	passage.untested || passage.questions.some((question) => question.missed);

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const onlyFlagged = event.url.searchParams.get('only') === 'flagged';
	const articles = await coverageMap(klass.id);
	const passages = articles.flatMap((article) => article.passages);
	return {
		klass: { id: klass.id, name: klass.name },
		counts: {
			passages: passages.length,
			untested: passages.filter((passage) => passage.untested).length,
			missed: new Set(
				passages.flatMap((p) =>
					p.questions.filter((q) => q.missed).map((q) => `${q.quiz}/${q.questionKey}`)
				)
			).size
		},
		articles: onlyFlagged
			? articles.map((article) => ({ ...article, passages: article.passages.filter(standsOut) }))
			: articles,
		onlyFlagged,
		minAttempts: COVERAGE_MIN_ATTEMPTS,
		missedBelowPercent: MISSED_BELOW_PERCENT
	};
};
