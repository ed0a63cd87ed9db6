import { fail } from '@sveltejs/kit';
import { cellBand } from '$lib/server/analytics/bands';
import { classOverview } from '$lib/server/analytics/class-overview';
import { gridSorts } from '$lib/server/analytics/grid-page';
import { classAccess } from '$lib/server/class-access';
import { className } from '$lib/server/class-forms';
import { renameClass, rotateJoinCode, setArchived } from '$lib/server/classes';
import { gridLessons } from '$lib/server/progress/lessons';
import { joinLink } from './join-link.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	const lessons = gridLessons();
	const params = event.url.searchParams;
	const view = {
		sort: gridSorts.find((s) => s === params.get('sort')) ?? 'name',
		search: (params.get('q') ?? '').trim().toLowerCase(),
		onlyAttention: params.get('only') === 'attention',
		inactiveDays: Math.min(365, Math.max(1, Number(params.get('inactive')) || 7)),
		page: Number(params.get('page')) || 1
	};
	const { grid, ...overview } = await classOverview(klass.id, lessons, view);

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
		rows: grid.rows.map((row) => ({
			...row,
			lastActiveAt: row.lastActiveAt?.toISOString() ?? null,
			cells: row.cells.map((cell) => ({ ...cell, band: cellBand(cell) }))
		})),
		pages: { page: grid.page, pages: grid.pages, total: grid.total, first: grid.first },
		view: { ...view, page: grid.page },
		...overview
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
