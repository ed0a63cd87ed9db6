import { error } from '@sveltejs/kit';
import { classGrid } from '$lib/server/analytics/grid';
import { classAccess } from '$lib/server/class-access';
import { classResponses } from '$lib/server/class-exports';
import { toCsv } from '$lib/server/csv';
import { gridLessons } from '$lib/server/progress/lessons';
import type { RequestHandler } from './$types';

const responseColumns = [
	'student',
	'email',
	'quiz',
	'attempt',
	'attemptStatus',
	'question',
	'prompt',
	'answer',
	'score',
	'answeredAt'
];

const score = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);

export const GET: RequestHandler = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	let csv: string;
	if (event.params.file === 'grid.csv') {
		const lessons = gridLessons();
		const rows = (await classGrid(klass.id, lessons)).map((row) => ({
			Student: row.displayName,
			Email: row.email,
			'Lessons done': row.completed,
			'Average quiz score (%)': score(row.averageScore),
			...Object.fromEntries(
				row.cells.flatMap((cell, i) => [
					[
						`${i + 1} ${lessons[i]!.title}: status`,
						cell.status === 'in progress' ? `${cell.percent}% read` : cell.status
					],
					[`${i + 1} quiz score (%)`, score(cell.quizScore)]
				])
			)
		}));
		const columns = [
			'Student',
			'Email',
			'Lessons done',
			'Average quiz score (%)',
			...lessons.flatMap((lesson, i) => [
				`${i + 1} ${lesson.title}: status`,
				`${i + 1} quiz score (%)`
			])
		];
		csv = toCsv(rows, columns);
	} else if (event.params.file === 'responses.csv') {
		csv = toCsv(await classResponses(klass.id), responseColumns);
	} else {
		error(404, 'Choose grid.csv or responses.csv.');
	}
	const name = `${klass.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class'}-${event.params.file}`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			// An ASCII name for old clients, the real one (RFC 6266) for the rest.
			'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
