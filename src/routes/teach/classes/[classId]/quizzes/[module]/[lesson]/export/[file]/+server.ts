import { error, json } from '@sveltejs/kit';
import { attemptSetParam } from '$lib/server/analytics/attempt-counts';
import { itemAnalysis } from '$lib/server/analytics/item-analysis';
import {
	questionColumns,
	questionRows,
	summaryRows
} from '$lib/server/analytics/statistics-export';
import { classAccess } from '$lib/server/class-access';
import { toCsv } from '$lib/server/csv';
import { findLesson } from '$lib/server/progress/lessons';
import type { RequestHandler } from './$types';

const files = ['questions.csv', 'summary.csv', 'statistics.json'] as const;

export const GET: RequestHandler = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const quizId = `${event.params.module}/${event.params.lesson}`;
	if (!findLesson(quizId)?.ref.hasQuiz) error(404, 'No such quiz.');
	const file = files.find((name) => name === event.params.file);
	if (!file) error(404, `Choose ${files.join(', ')}.`);
	const attemptSet = attemptSetParam.parse(event.url.searchParams.get('attempts') ?? undefined);
	const analysis = await itemAnalysis(klass.id, quizId, attemptSet);
	const headers = {
		'content-disposition': `attachment; filename="${event.params.lesson}-${attemptSet}-${file}"`,
		'cache-control': 'private, no-store'
	};
	if (file === 'statistics.json')
		return json({ summary: summaryRows(analysis), questions: questionRows(analysis) }, { headers });
	const csv =
		file === 'summary.csv'
			? toCsv(summaryRows(analysis), ['Statistic', 'Value'])
			: toCsv(questionRows(analysis), questionColumns);
	return new Response(csv, {
		headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }
	});
};
