// How the class grid colours a cell: by the quiz grade once there is one, by reading before.
import type { GridCell } from './grid';

export type CellBand = 'not-started' | 'reading' | 'done' | 'low' | 'mid' | 'high';

/** Lower bounds, in whole percent, of the middle and the top quiz band. */
export const BAND_FLOORS = { mid: 50, high: 80 } as const;

/**
 * Banded on the whole percentage the cell shows, so a grade of 0.795 shown as "80%" is never
 * coloured as under 80 %.
 */
export function cellBand(cell: Pick<GridCell, 'status' | 'quizScore'>): CellBand {
	if (cell.quizScore !== null) {
		const shown = Math.round(cell.quizScore * 100);
		if (shown >= BAND_FLOORS.high) return 'high';
		return shown >= BAND_FLOORS.mid ? 'mid' : 'low';
	}
	if (cell.status === 'complete') return 'done';
	return cell.status === 'in progress' ? 'reading' : 'not-started';
}
