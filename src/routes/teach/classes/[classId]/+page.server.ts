import { fail } from '@sveltejs/kit';
import { completionsByWeek, scoreDistributions } from '$lib/server/analytics/charts';
import { classGrid } from '$lib/server/analytics/grid';
import { needsAttention } from '$lib/server/analytics/attention';
import { cellBand } from '$lib/server/analytics/bands';
import { classRoster } from '$lib/server/analytics/shared';
import { classAccess } from '$lib/server/class-access';
import { className } from '$lib/server/class-forms';
import { renameClass, rotateJoinCode, setArchived } from '$lib/server/classes';
import { gridLessons } from '$lib/server/progress/lessons';
import { essaysToGradeCount } from '$lib/server/quiz/essay-marks';
import { joinLink } from './join-link.server';
import type { Actions, PageServerLoad } from './$types';

const sorts = ['name', 'completed', 'score', 'active'] as const;

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const lessons = gridLessons();
	const params = event.url.searchParams;
	const sort = sorts.find((s) => s === params.get('sort')) ?? 'name';
	const search = (params.get('q') ?? '').trim().toLowerCase();
	const inactiveDays = Math.min(365, Math.max(1, Number(params.get('inactive')) || 7));
	const roster = await classRoster(klass.id);
	const attention = await needsAttention(klass.id, lessons, { inactiveDays, roster });
	const onlyAttention = params.get('only') === 'attention';
	const flagged = new Set(attention.map((a) => a.userId));

	const grid = await classGrid(klass.id, lessons, roster);
	// The grid comes sorted by name; the other orders are asked for.
	const rows = grid
		.filter((row) => !search || `${row.displayName} ${row.email}`.toLowerCase().includes(search))
		.filter((row) => !onlyAttention || flagged.has(row.userId))
		.sort((a, b) => {
			if (sort === 'completed') return b.completed - a.completed;
			if (sort === 'score') return (b.averageScore ?? -1) - (a.averageScore ?? -1);
			if (sort === 'active')
				return (b.lastActiveAt?.getTime() ?? 0) - (a.lastActiveAt?.getTime() ?? 0);
			return 0;
		});

	const base = `/teach/classes/${klass.id}`;
	return {
		klass: { id: klass.id, name: klass.name, archived: !!klass.archivedAt },
		join: joinLink(event.url.origin, klass),
		lessons: lessons.map((lesson, index) => ({
			key: lesson.key,
			title: lesson.title,
			number: index + 1,
			// A column opens its quiz's item analysis; a lesson without a quiz opens the lesson.
			href: lesson.hasQuiz ? `${base}/quizzes/${lesson.key}` : `/learn/${lesson.key}`
		})),
		rows: rows.map((row) => ({
			...row,
			lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
			cells: row.cells.map((cell) => ({ ...cell, band: cellBand(cell) }))
		})),
		view: { sort, search, onlyAttention, inactiveDays },
		attention,
		weekly: await completionsByWeek(klass.id),
		toGrade: await essaysToGradeCount(klass.id),
		distributions: scoreDistributions(grid, lessons)
	};
};

async function classFor(event: Parameters<Actions[string]>[0]) {
	return (await classAccess(event, event.params.classId)).klass;
}

export const actions: Actions = {
	rename: async (event) => {
		const klass = await classFor(event);
		const name = (await event.request.formData()).get('name');
		const parsed = className.safeParse(name);
		if (!parsed.success)
			return fail(400, {
				name: typeof name === 'string' ? name : '',
				message: parsed.error.issues[0]!.message
			});
		await renameClass(klass.id, parsed.data);
		return { message: 'Renamed.' };
	},
	archive: async (event) => {
		await setArchived((await classFor(event)).id, true);
		return { message: 'Archived: the join code no longer works.' };
	},
	unarchive: async (event) => {
		await setArchived((await classFor(event)).id, false);
		return { message: 'Restored: students can join again.' };
	},
	rotate: async (event) => {
		await rotateJoinCode((await classFor(event)).id);
		return { message: 'New join code made; the old one no longer works.' };
	}
};
