import { query } from './db';

/** The checkpoints the database file holds for a learner (by email) in a lesson. */
export function sectionsReached(databasePath: string, email: string, lessonKey: string): string[] {
	const [row] = query<{ sections_reached: string }>(
		databasePath,
		`select sections_reached from lesson_progress p join users u on u.id = p.user_id
		 where u.email = ? and p.lesson_key = ?`,
		email,
		lessonKey
	);
	return row ? (JSON.parse(row.sections_reached) as string[]) : [];
}
