import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, isNull } from 'drizzle-orm';
import { hashSecret, randomString } from './auth';
import { db, type AppDatabase } from './db';
import { passwordResets, sessions, users } from './db/schema';
import { hashPassword } from './password';

// Reset links an admin makes and hands over (the app sends no mail). The token works like a
// session token (auth.ts): `id.secret`, the database keeps only a SHA-256 of the secret, and
// hashes are compared in constant time.

/** A link works once, for a day: time enough to hand it over, not long if it goes astray. */
export const RESET_LIFETIME_HOURS = 24;
const RESET_LIFETIME = RESET_LIFETIME_HOURS * 60 * 60 * 1000;

export type ResetRefusal = 'unknown' | 'used' | 'expired';
type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

export function resetPath(token: string): string {
	return `/reset/${token}`;
}

/** A new reset link for the user; their earlier unused links stop working. */
export async function createPasswordReset(
	userId: number,
	createdBy: number | null
): Promise<{ token: string; expiresAt: Date }> {
	const id = randomString();
	const secret = randomString();
	const now = Date.now();
	const expiresAt = new Date(now + RESET_LIFETIME);
	db().transaction(
		(tx) => {
			tx.delete(passwordResets)
				.where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))
				.run();
			tx.insert(passwordResets)
				.values({
					id,
					secretHash: Buffer.from(hashSecret(secret)),
					userId,
					createdBy,
					createdAt: new Date(now),
					expiresAt
				})
				.run();
		},
		{ behavior: 'immediate' }
	);
	return { token: `${id}.${secret}`, expiresAt };
}

function inspect(tx: Transaction, token: string, now: number) {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length > 0) return { refusal: 'unknown' as const };
	const row = tx
		.select({ reset: passwordResets, email: users.email })
		.from(passwordResets)
		.innerJoin(users, eq(users.id, passwordResets.userId))
		.where(eq(passwordResets.id, id))
		.get();
	if (!row || !constantTimeEqual(hashSecret(secret), new Uint8Array(row.reset.secretHash)))
		return { refusal: 'unknown' as const };
	if (row.reset.usedAt) return { refusal: 'used' as const };
	if (now >= row.reset.expiresAt.getTime()) return { refusal: 'expired' as const };
	return { reset: row.reset, email: row.email };
}

/** The email of the account a link resets, or why the link is refused. */
export async function checkPasswordReset(
	token: string
): Promise<{ email: string } | { refusal: ResetRefusal }> {
	return db().transaction((tx) => {
		const found = inspect(tx, token, Date.now());
		return 'refusal' in found ? found : { email: found.email };
	});
}

/**
 * Sets a new password through a reset link, and ends every session of the account. Checking the
 * link, marking it used and changing the password share one immediate transaction (which
 * better-sqlite3 runs synchronously), so of two submits at once only the first succeeds.
 */
export async function redeemPasswordReset(
	token: string,
	password: string
): Promise<{ email: string } | { refusal: ResetRefusal }> {
	// A dead link costs no hashing; a live one is checked again below, atomically.
	const early = await checkPasswordReset(token);
	if ('refusal' in early) return early;
	const passwordHash = await hashPassword(password);
	return db().transaction(
		(tx) => {
			const now = Date.now();
			const found = inspect(tx, token, now);
			if ('refusal' in found) return found;
			const { id, userId } = found.reset;
			tx.update(passwordResets)
				.set({ usedAt: new Date(now) })
				.where(eq(passwordResets.id, id))
				.run();
			tx.update(users)
				.set({ passwordHash, updatedAt: new Date(now) })
				.where(eq(users.id, userId))
				.run();
			tx.delete(sessions).where(eq(sessions.userId, userId)).run();
			return { email: found.email };
		},
		{ behavior: 'immediate' }
	);
}
