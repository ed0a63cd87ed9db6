// Students an instructor may want to contact, each with the reasons why.
import type { GridLesson } from './grid';
import { DAY_MS, lastActivity, membersOf, rows } from './shared';

export const LAPSE_WINDOW_DAYS = 14;
/** A submitted attempt scoring below this is a failed one. */
export const PASS_MARK = 0.5;

export function needsAttention(
	classId: number,
	lessons: GridLesson[],
	options: { inactiveDays?: number; now?: Date } = {}
): { userId: number; displayName: string; reasons: string[] }[] {
	const inactiveDays = options.inactiveDays ?? 7;
	const now = (options.now ?? new Date()).getTime();
	const members = membersOf(classId);
	if (members.length === 0) return [];

	const active = lastActivity(classId);

	// Quizzes with two or more failed submitted attempts, per member.
	const failed = new Map<number, string[]>();
	for (const row of rows<{ userId: number; quizId: string }>(
		`SELECT a.user_id AS userId, a.quiz_id AS quizId
		FROM attempts a
		JOIN class_members cm ON cm.class_id = ? AND cm.user_id = a.user_id
		WHERE a.status = 'submitted' AND COALESCE(a.score, 0) < ?
		GROUP BY a.user_id, a.quiz_id
		HAVING COUNT(*) >= 2`,
		classId,
		PASS_MARK
	)) {
		failed.set(row.userId, [...(failed.get(row.userId) ?? []), row.quizId]);
	}

	// Wrong review answers in the window on cards the member had answered right before.
	const lapsing = new Set(
		rows<{ userId: number }>(
			`SELECT l.user_id AS userId
			FROM review_logs l
			JOIN class_members cm ON cm.class_id = ? AND cm.user_id = l.user_id
			WHERE l.score = 0 AND l.reviewed_at >= ? AND l.reviewed_at <= ?
				AND EXISTS (
					SELECT 1 FROM review_logs p
					WHERE p.user_id = l.user_id AND p.card_id = l.card_id AND p.score = 1
						AND (p.reviewed_at < l.reviewed_at OR (p.reviewed_at = l.reviewed_at AND p.id < l.id))
				)
			GROUP BY l.user_id
			HAVING COUNT(*) >= 2`,
			classId,
			now - LAPSE_WINDOW_DAYS * DAY_MS,
			now
		).map((row) => row.userId)
	);

	const order = new Map(lessons.map((lesson, index) => [lesson.key, index]));
	const titleOf = (quizId: string) =>
		lessons.find((lesson) => lesson.key === quizId)?.title ?? quizId;

	return members.flatMap((member) => {
		const reasons: string[] = [];
		// Counted from joining when the member has done nothing since (or ever).
		const since = Math.max(active.get(member.userId) ?? 0, member.joinedAt);
		const idle = Math.max(0, Math.floor((now - since) / DAY_MS));
		if (idle >= inactiveDays) reasons.push(`inactive for ${idle} days`);
		const quizzes = [...(failed.get(member.userId) ?? [])].sort(
			(a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b)
		);
		for (const quizId of quizzes) reasons.push(`failed ${titleOf(quizId)} quiz twice`);
		if (lapsing.has(member.userId)) reasons.push('review answers lapsing');
		return reasons.length
			? [{ userId: member.userId, displayName: member.displayName, reasons }]
			: [];
	});
}
