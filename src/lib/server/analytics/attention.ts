// Students an instructor may want to contact, each with the reasons why.
import type { GridLesson } from './grid';
import { classRoster, DAY_MS, rows, type Roster } from './shared';

export const LAPSE_WINDOW_DAYS = 14;
/** A submitted attempt scoring below this is a failed one. */
export const PASS_MARK = 0.5;

export async function needsAttention(
	classId: number,
	lessons: GridLesson[],
	options: { inactiveDays?: number; now?: Date; roster?: Roster } = {}
): Promise<{ userId: number; displayName: string; reasons: string[] }[]> {
	const inactiveDays = options.inactiveDays ?? 7;
	const now = (options.now ?? new Date()).getTime();
	const { members, active } = options.roster ?? (await classRoster(classId));
	if (members.length === 0) return [];

	// Quizzes whose last two submitted attempts both failed, per member: a student who has since
	// passed is no longer stuck.
	const failed = new Map<number, string[]>();
	for (const row of await rows<{ userId: number; quizId: string }>(
		`SELECT s.user_id AS userId, s.quiz_id AS quizId
		FROM quiz_summaries s
		JOIN class_members cm ON cm.class_id = ? AND cm.user_id = s.user_id
		WHERE s.attempts >= 2 AND MAX(s.last, s.previous) < ?`,
		classId,
		PASS_MARK
	)) {
		failed.set(row.userId, [...(failed.get(row.userId) ?? []), row.quizId]);
	}

	// Cards lapsed as the mastery rule counts them (answered right once, wrong the last time),
	// where that last answer came in the window: each one holds the module's mastery down. The
	// lapse is kept on the card as answers are logged (review/lapses.ts).
	const lapsed = new Map(
		(
			await rows<{ userId: number; cards: number }>(
				`SELECT c.user_id AS userId, COUNT(*) AS cards
			FROM class_members cm
			JOIN review_cards c ON c.user_id = cm.user_id AND c.lapsed_at IS NOT NULL
				AND c.lapsed_at >= ? AND c.lapsed_at <= ?
			WHERE cm.class_id = ?
			GROUP BY c.user_id`,
				now - LAPSE_WINDOW_DAYS * DAY_MS,
				now,
				classId
			)
		).map((row) => [row.userId, row.cards])
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
		for (const quizId of quizzes) reasons.push(`failed ${titleOf(quizId)} quiz twice in a row`);
		const cards = lapsed.get(member.userId) ?? 0;
		if (cards > 0)
			reasons.push(`mastery dropping: ${cards} review ${cards === 1 ? 'card' : 'cards'} lapsed`);
		return reasons.length
			? [{ userId: member.userId, displayName: member.displayName, reasons }]
			: [];
	});
}
