import { and, count, eq, ne, sql } from 'drizzle-orm';
import { db } from './db';
import { sqliteErrorCode } from './db/errors';
import { sessions, users, type Role, type User } from './db/schema';
import { displaySafe } from './names';
import { hashPassword, verifyPassword } from './password';

/**
 * The public view of a user: what a page may know. Never includes the hash; the name comes
 * through displaySafe, as names stored before the name rule may hold invisible characters.
 */
export interface SessionUser {
	id: number;
	email: string;
	displayName: string;
	role: Role;
}

export function toSessionUser(user: User): SessionUser {
	return {
		id: user.id,
		email: user.email,
		displayName: displaySafe(user.displayName),
		role: user.role
	};
}

/** Emails are compared case-insensitively: one canonical form is stored and looked up. */
export function normaliseEmail(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

export class EmailTakenError extends Error {
	constructor() {
		super('An account with this email already exists.');
	}
}

export async function createUser(input: {
	email: string;
	displayName: string;
	password: string;
	role?: Role;
}): Promise<SessionUser> {
	const passwordHash = await hashPassword(input.password);
	const now = new Date();
	try {
		const [user] = await db()
			.insert(users)
			.values({
				email: normaliseEmail(input.email),
				displayName: input.displayName.trim(),
				role: input.role ?? 'student',
				passwordHash,
				createdAt: now,
				updatedAt: now
			})
			.returning();
		return toSessionUser(user!);
	} catch (error) {
		// Two sign-ups racing for one address: the unique index decides, and the loser is told plainly.
		if (sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') throw new EmailTakenError();
		throw error;
	}
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
	return db()
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
		.get();
}

/**
 * Sets a new password if `currentPassword` is right, and ends every session of the user but
 * `keepSessionId` (the one asking), so a device signed in with the old password is signed out.
 * Returns whether the current password was right; nothing changes when it was not.
 */
export async function changePassword(
	userId: number,
	keepSessionId: string,
	passwords: { currentPassword: string; newPassword: string }
): Promise<boolean> {
	const user = await db().select().from(users).where(eq(users.id, userId)).get();
	if (!user || !(await verifyPassword(user.passwordHash, passwords.currentPassword))) return false;
	const passwordHash = await hashPassword(passwords.newPassword);
	return db().transaction((tx) => {
		// Only over the hash just verified: a change made meanwhile elsewhere is not overwritten.
		const { changes } = tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date() })
			.where(and(eq(users.id, userId), eq(users.passwordHash, user.passwordHash)))
			.run();
		if (changes === 0) return false;
		tx.delete(sessions)
			.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
			.run();
		return true;
	});
}

export class LastAdminError extends Error {
	constructor() {
		super('That would leave no admin. Make someone else an admin first.');
	}
}

/**
 * Sets the role of the account with this email (in any case). Never takes the role from the last
 * admin: the count and the change share one immediate transaction, which better-sqlite3 runs
 * synchronously, so two admins demoting each other at once leave one of them an admin.
 */
export async function setUserRole(email: string, role: Role): Promise<SessionUser | undefined> {
	return db().transaction(
		(tx) => {
			const user = tx
				.select()
				.from(users)
				.where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
				.get();
			if (!user) return undefined;
			if (user.role === 'admin' && role !== 'admin') {
				const admins = tx
					.select({ count: count() })
					.from(users)
					.where(eq(users.role, 'admin'))
					.get();
				if (admins!.count <= 1) throw new LastAdminError();
			}
			const changed = tx
				.update(users)
				.set({ role, updatedAt: new Date() })
				.where(eq(users.id, user.id))
				.returning()
				.get();
			return toSessionUser(changed);
		},
		{ behavior: 'immediate' }
	);
}

/**
 * Users for the admin page, newest first, up to `limit`; `search` matches email or name, and
 * `more` says whether it matched others too.
 */
export async function listUsers(search = '', limit = 100) {
	// A typed % or _ means itself, not LIKE's wildcards.
	const pattern = `%${search
		.trim()
		.toLowerCase()
		.replace(/[\\%_]/g, '\\$&')}%`;
	const found = await db()
		.select({ id: users.id, email: users.email, displayName: users.displayName, role: users.role })
		.from(users)
		.where(
			search
				? sql`lower(${users.email}) like ${pattern} escape '\\' or lower(${users.displayName}) like ${pattern} escape '\\'`
				: undefined
		)
		.orderBy(sql`${users.createdAt} desc`)
		.limit(limit + 1);
	return {
		users: found
			.slice(0, limit)
			.map((user) => ({ ...user, displayName: displaySafe(user.displayName) })),
		more: found.length > limit
	};
}

export async function findUserById(id: number): Promise<SessionUser | undefined> {
	const user = await db().select().from(users).where(eq(users.id, id)).get();
	return user && toSessionUser(user);
}
