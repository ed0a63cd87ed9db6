import { and, asc, desc, eq } from 'drizzle-orm';
import { ClassError } from './classes';
import { db } from './db';
import { classes, classMembers, users, type Class } from './db/schema';
import { countMember } from './analytics/stats-upkeep';
import { displaySafe } from './names';

/** A class as its student sees it: who teaches it and since when they are in it. */
export interface StudentClass {
	id: number;
	name: string;
	instructor: string;
	joinedAt: Date;
	archived: boolean;
}

async function studentClasses(userId: number, classId?: number): Promise<StudentClass[]> {
	const rows = await db()
		.select({
			id: classes.id,
			name: classes.name,
			instructor: users.displayName,
			joinedAt: classMembers.joinedAt,
			archivedAt: classes.archivedAt
		})
		.from(classMembers)
		.innerJoin(classes, eq(classes.id, classMembers.classId))
		.innerJoin(users, eq(users.id, classes.instructorId))
		.where(
			and(
				eq(classMembers.userId, userId),
				classId === undefined ? undefined : eq(classMembers.classId, classId)
			)
		)
		.orderBy(desc(classMembers.joinedAt), asc(classes.id));
	return rows.map(({ archivedAt, ...row }) => ({
		...row,
		name: displaySafe(row.name),
		instructor: displaySafe(row.instructor),
		archived: !!archivedAt
	}));
}

/** The classes a student is in, the latest joined first. */
export function classesOfStudent(userId: number): Promise<StudentClass[]> {
	return studentClasses(userId);
}

// One answer for a class that does not exist and one the student is not in, so the answer
// tells nobody which classes exist.
const notInClass = () => new ClassError(404, 'You are not in this class.');

/** One of the student's own classes; ClassError 404 for any other. */
export async function classOfStudent(userId: number, classId: number): Promise<StudentClass> {
	const [klass] = await studentClasses(userId, classId);
	if (!klass) throw notInClass();
	return klass;
}

/**
 * The student leaves: only their own membership goes, so the class's instructor no longer sees
 * them; their progress, attempts and reviews are theirs and stay. ClassError 404 when they are
 * not in the class (already left, removed, or never joined).
 */
export async function leaveClass(userId: number, classId: number): Promise<void> {
	const left = db().transaction((tx) => {
		const removed = tx
			.delete(classMembers)
			.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
			.run();
		if (removed.changes) countMember(classId, userId, -1);
		return removed.changes;
	});
	if (!left) throw notInClass();
}

/** Who teaches a class, as shown to students. */
export async function instructorNameOf(klass: Class): Promise<string> {
	const instructor = await db()
		.select({ displayName: users.displayName })
		.from(users)
		.where(eq(users.id, klass.instructorId))
		.get();
	return displaySafe(instructor?.displayName ?? '');
}
