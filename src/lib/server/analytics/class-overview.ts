// Everything the class page shows about its students, read in one place so that the benchmark
// times exactly what the page asks for.
import { needsAttention } from './attention';
import { completionsByWeek, scoreDistributions } from './charts';
import type { GridLesson } from './grid';
import { gridPage, type GridSort } from './grid-page';
import { classRoster } from './shared';
import { essaysToGradeCount } from '../quiz/essay-marks';

/** Students listed under "Needs attention"; the rest are a link to the grid filtered to them. */
export const ATTENTION_SHOWN = 20;

export interface OverviewView {
	sort: GridSort;
	search: string;
	onlyAttention: boolean;
	inactiveDays: number;
	page: number;
}

export async function classOverview(classId: number, lessons: GridLesson[], view: OverviewView) {
	const roster = await classRoster(classId);
	const attention = await needsAttention(classId, lessons, {
		inactiveDays: view.inactiveDays,
		roster
	});
	const grid = await gridPage(classId, lessons, roster, {
		sort: view.sort,
		search: view.search,
		only: view.onlyAttention ? new Set(attention.map((student) => student.userId)) : null,
		page: view.page
	});
	return {
		attention: attention.slice(0, ATTENTION_SHOWN),
		attentionCount: attention.length,
		grid,
		toGrade: await essaysToGradeCount(classId),
		weekly: await completionsByWeek(classId),
		distributions: await scoreDistributions(classId, lessons)
	};
}
