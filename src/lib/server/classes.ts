import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { db } from './db';
import { sqliteErrorCode } from './db/errors';
import { classes, classMembers, users, type Class } from './db/schema';
import { countMember } from './analytics/stats-upkeep';
import { displaySafe } from './names';
import type { SessionUser } from './users';

/** 40 random bits as 8 characters, shown as XXXX-XXXX; typed codes ignore case, spaces and dashes. */
function newJoinCode(): string {
	return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(5)));
}

/** Codes use base32 (A–Z, 2–7), so a typed 0, 1 or 8 can only mean O, I or B. */
export function normaliseJoinCode(code: string): string {
	return code
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/[018]/g, (digit) => ({ '0': 'O', '1': 'I', '8': 'B' })[digit]!);
}

export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export class ClassError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 410,
		message: string
	) {
		super(message);
	}
}

/** Runs `write` with a fresh code, drawing again on the one-in-a-trillion clash. */
function withFreshCode<T>(write: (code: string) => T): T {
	for (;;) {
		try {
			return write(newJoinCode());
		} catch (caught) {
			if (sqliteErrorCode(caught) !== 'SQLITE_CONSTRAINT_UNIQUE') throw caught;
		}
	}
}

/**
 * A new class, unless the instructor already has an open one of that name (ignoring case): then
 * that one. So a double submit, or a retry after a lost response, makes one class, not two. The
 * look-up and the insert share one immediate transaction, which better-sqlite3 runs synchronously
 * (nothing can slip in between); callers still await it, like every other write.
 */
export async function createClass(instructorId: number, name: string): Promise<Class> {
	const trimmed = name.trim();
	return db().transaction(
		(tx) =>
			tx
				.select()
				.from(classes)
				.where(
					and(
						eq(classes.instructorId, instructorId),
						isNull(classes.archivedAt),
						sql`lower(${classes.name}) = lower(${trimmed})`
					)
				)
				.get() ??
			withFreshCode((joinCode) =>
				tx
					.insert(classes)
					.values({ instructorId, name: trimmed, joinCode, createdAt: new Date() })
					.returning()
					.get()
			),
		{ behavior: 'immediate' }
	);
}

/** The classes a teacher may see: an instructor their own, an admin every one. */
export async function classesFor(user: SessionUser) {
	const rows = await db()
		.select({
			id: classes.id,
			name: classes.name,
			joinCode: classes.joinCode,
			archivedAt: classes.archivedAt,
			instructor: users.displayName,
			students: sql<number>`(select count(*) from ${classMembers} where ${classMembers.classId} = ${classes.id})`
		})
		.from(classes)
		.innerJoin(users, eq(users.id, classes.instructorId))
		.where(user.role === 'admin' ? undefined : eq(classes.instructorId, user.id))
		.orderBy(asc(classes.name));
	return rows.map((row) => ({
		...row,
		name: displaySafe(row.name),
		instructor: displaySafe(row.instructor)
	}));
}

export async function renameClass(classId: number, name: string): Promise<void> {
	await db().update(classes).set({ name: name.trim() }).where(eq(classes.id, classId));
}

export async function setArchived(classId: number, archived: boolean): Promise<void> {
	await db()
		.update(classes)
		.set({ archivedAt: archived ? new Date() : null })
		.where(eq(classes.id, classId));
}

/** A new code; the old one stops working at once. */
export async function rotateJoinCode(classId: number): Promise<void> {
	withFreshCode((joinCode) =>
		db().update(classes).set({ joinCode }).where(eq(classes.id, classId)).run()
	);
}

export async function removeStudent(classId: number, userId: number): Promise<void> {
	db().transaction((tx) => {
		const removed = tx
			.delete(classMembers)
			.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
			.run();
		if (removed.changes) countMember(classId, userId, -1);
	});
}

/** The class a code opens, refusing unknown, rotated and archived codes with a clear reason. */
export async function classByCode(code: string): Promise<Class> {
	const normalised = normaliseJoinCode(code);
	const klass = normalised
		? await db().select().from(classes).where(eq(classes.joinCode, normalised)).get()
		: undefined;
	if (!klass)
		throw new ClassError(
			404,
			'That join code does not match a class. It may have been mistyped, or your instructor may have made a new one: ask them for the current code.'
		);
	if (klass.archivedAt)
		throw new ClassError(410, 'That class is archived and no longer takes new students.');
	return { ...klass, name: displaySafe(klass.name) };
}

/** Joining twice is one membership. */
export async function joinClass(userId: number, code: string): Promise<Class> {
	const klass = await classByCode(code);
	db().transaction((tx) => {
		const joined = tx
			.insert(classMembers)
			.values({ classId: klass.id, userId, joinedAt: new Date() })
			.onConflictDoNothing()
			.run();
		// Their attempts so far join the class's statistics.
		if (joined.changes) countMember(klass.id, userId, 1);
	});
	return klass;
}

export async function isMember(classId: number, userId: number): Promise<boolean> {
	return !!(await db()
		.select({ userId: classMembers.userId })
		.from(classMembers)
		.where(and(eq(classMembers.classId, classId), eq(classMembers.userId, userId)))
		.get());
}
