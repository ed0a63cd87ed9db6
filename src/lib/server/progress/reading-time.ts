/** Longest active time one checkpoint may add, and one visit may add in all. */
export const PING_CAP_SECONDS = 120;
export const VISIT_CAP_SECONDS = 30 * 60;
/**
 * How far credited time may run ahead of the clock: one checkpoint's worth (the page sends one
 * every 30 s of reading), which also absorbs network delays that bunch two checkpoints together.
 */
export const CLOCK_SLACK_SECONDS = 30;

/** What the lesson's row already holds about reading time. */
export interface ReadingSoFar {
	visitId: string | null;
	visitSeconds: number;
	/** How far credited reading has reached: the last checkpoint, or up to the slack beyond it. */
	updatedAt: Date;
}

/** How far back a checkpoint queued offline is measured at most: an older one counts as this old. */
export const QUEUED_MAX_AGE_DAYS = 7;

/**
 * When a checkpoint is measured: now, or for one queued offline, when it was reached (`readAt`),
 * kept between the lesson's earlier credit (or 7 days ago, if later) and now. Measured where it
 * happened, queued reading sent in a burst keeps its time; a time made up to look older can
 * still only reach back to where credit already stands.
 */
function measuredAt(before: ReadingSoFar | undefined, readAt: Date | undefined, now: Date): number {
	if (!readAt) return now.getTime();
	const earliest = Math.max(
		before?.updatedAt.getTime() ?? -Infinity,
		now.getTime() - QUEUED_MAX_AGE_DAYS * 86_400_000
	);
	return Math.min(now.getTime(), Math.max(readAt.getTime(), earliest));
}

/**
 * The seconds a checkpoint adds. A visit id costs nothing to make, so besides the caps per
 * checkpoint and per visit, time is never credited faster than the clock runs: the claimed time
 * must fit between the moment the lesson's earlier credit reached (from any visit, tab or
 * device) and the moment the checkpoint is measured at (see measuredAt), plus the slack. The page
 * counts at most one active second per second, so honest checkpoints fit; a burst of checkpoints
 * adds at most the slack beyond the time that has passed.
 */
export function creditReading(
	before: ReadingSoFar | undefined,
	input: { visitId: string; activeSeconds: number; readAt?: Date },
	now: Date
): { added: number; visitSeconds: number; measuredAt: Date; creditedUntil: Date } {
	const visitSoFar = before?.visitId === input.visitId ? before.visitSeconds : 0;
	const claimed = Math.min(
		PING_CAP_SECONDS,
		VISIT_CAP_SECONDS - visitSoFar,
		Math.max(0, Math.floor(input.activeSeconds))
	);
	const at = measuredAt(before, input.readAt, now);
	const limit = at + CLOCK_SLACK_SECONDS * 1000;
	// Capped at the limit, so a server clock set back does not stop crediting until it catches up.
	const reached = Math.min(before?.updatedAt.getTime() ?? -Infinity, limit);
	// The claimed seconds lie just before the checkpoint, and not before the time already credited.
	const start = Math.max(reached, at - claimed * 1000);
	const room = Math.floor((limit - start) / 1000);
	const added = Math.max(0, Math.min(claimed, room));
	return {
		added,
		visitSeconds: visitSoFar + added,
		measuredAt: new Date(at),
		creditedUntil: new Date(Math.max(at, start + added * 1000))
	};
}
