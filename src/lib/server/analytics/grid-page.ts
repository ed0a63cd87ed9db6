// One page of the class grid, in the order asked for: the sort keys of every member are read in
// one grouped query where the order needs them, and the grid's cells only for the page shown, so
// a class of 10,000 costs little more than one of 50.
import { gridRows, type GridLesson, type GridRow } from './grid';
import { rows, type Member, type Roster } from './shared';

export const gridSorts = ['name', 'completed', 'score', 'active'] as const;
export type GridSort = (typeof gridSorts)[number];

/** Students per page of the grid. */
export const GRID_PAGE_SIZE = 50;

export interface GridView {
	sort: GridSort;
	/** Lower-case text to find in a member's name or email; empty for everyone. */
	search: string;
	/** Only these members (those needing attention), or null for all. */
	only: Set<number> | null;
	/** From 1; past the last page shows the last. */
	page: number;
}

export interface GridPage {
	rows: GridRow[];
	/** Members matching the search and filter, on every page. */
	total: number;
	page: number;
	pages: number;
	/** The position of the page's first row among `total`, from 1 (0 when there is none). */
	first: number;
}

/** Lessons complete per member, of those listed. */
async function completedCounts(classId: number, lessons: GridLesson[]) {
	const found = await rows<{ userId: number; n: number }>(
		`SELECT lp.user_id AS userId, COUNT(*) AS n
		FROM class_members cm JOIN lesson_progress lp ON lp.user_id = cm.user_id
		WHERE cm.class_id = ? AND lp.completed_at IS NOT NULL
			AND lp.lesson_key IN (SELECT value FROM json_each(?))
		GROUP BY lp.user_id`,
		classId,
		JSON.stringify(lessons.map((lesson) => lesson.key))
	);
	return new Map(found.map((row) => [row.userId, row.n]));
}

/** Each member's mean quiz grade, each quiz graded by its lesson's method, as the grid shows it. */
async function averageGrades(classId: number, lessons: GridLesson[]) {
	const found = await rows<{ userId: number; grade: number }>(
		`SELECT s.user_id AS userId, AVG(CASE g.value WHEN 'highest' THEN s.highest
			WHEN 'last' THEN s.last ELSE s.average END) AS grade
		FROM class_members cm
		JOIN quiz_summaries s ON s.user_id = cm.user_id AND s.attempts > 0
		JOIN json_each(?) g ON g.key = s.quiz_id
		WHERE cm.class_id = ?
		GROUP BY s.user_id`,
		JSON.stringify(gradingByQuiz(lessons)),
		classId
	);
	return new Map(found.map((row) => [row.userId, row.grade]));
}

/** The grading method of each listed quiz, by its id, for SQL's json_each. */
export function gradingByQuiz(lessons: GridLesson[]): Record<string, GridLesson['grading']> {
	return Object.fromEntries(
		lessons.filter((lesson) => lesson.hasQuiz).map((lesson) => [lesson.key, lesson.grading])
	);
}

/** Members in the order asked for; ties (and `name`) keep the roster's order by name. */
async function ordered(
	classId: number,
	lessons: GridLesson[],
	members: Member[],
	roster: Roster,
	sort: GridSort
) {
	if (sort === 'name') return members;
	const key =
		sort === 'active'
			? roster.active
			: sort === 'completed'
				? await completedCounts(classId, lessons)
				: await averageGrades(classId, lessons);
	// Members with no figure at all come last.
	const missing = sort === 'score' ? -1 : 0;
	return [...members].sort(
		(a, b) => (key.get(b.userId) ?? missing) - (key.get(a.userId) ?? missing)
	);
}

export async function gridPage(
	classId: number,
	lessons: GridLesson[],
	roster: Roster,
	view: GridView
): Promise<GridPage> {
	const matching = roster.members.filter(
		(member) =>
			(!view.search ||
				`${member.displayName} ${member.email}`.toLowerCase().includes(view.search)) &&
			(!view.only || view.only.has(member.userId))
	);
	const members = await ordered(classId, lessons, matching, roster, view.sort);
	const pages = Math.max(1, Math.ceil(members.length / GRID_PAGE_SIZE));
	const page = Math.min(pages, Math.max(1, Math.floor(view.page) || 1));
	const start = (page - 1) * GRID_PAGE_SIZE;
	const shown = members.slice(start, start + GRID_PAGE_SIZE);
	return {
		rows: await gridRows(lessons, shown, roster.active),
		total: members.length,
		page,
		pages,
		first: shown.length ? start + 1 : 0
	};
}
