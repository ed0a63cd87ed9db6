import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { db } from './db';
import { prepared } from './db/prepared';
import { sessions, users } from './db/schema';
import { toSessionUser, type SessionUser } from './users';

// Sessions as Lucia's current guide teaches them: the token is `id.secret`, the database keeps
// the id and a SHA-256 of the secret, so a leaked database holds no usable token.

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used when less than this is left is extended to a full lifetime (sliding expiry). */
export const SESSION_RENEW_WITHIN = 15 * DAY;

export interface SessionInfo {
	id: string;
	userId: number;
	expiresAt: Date;
}

export type ValidatedSession = { session: SessionInfo; user: SessionUser; renewed: boolean };

export function randomString(): string {
	// 15 random bytes = 120 bits, 24 base32 characters.
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export async function createSession(
	userId: number
): Promise<{ token: string; session: SessionInfo }> {
	const id = randomString();
	const secret = randomString();
	const now = Date.now();
	const session = { id, userId, expiresAt: new Date(now + SESSION_LIFETIME) };
	await db()
		.insert(sessions)
		.values({ ...session, secretHash: Buffer.from(hashSecret(secret)), createdAt: new Date(now) });
	return { token: `${id}.${secret}`, session };
}

// Every signed-in request reads this: prepared once, not rebuilt per request.
const sessionWithUser = prepared((database) =>
	database
		.select({ session: sessions, user: users })
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare()
);

export async function validateSessionToken(token: string): Promise<ValidatedSession | null> {
	const [id, secret, ...rest] = token.split('.');
	if (!id || !secret || rest.length > 0) return null;

	const row = await sessionWithUser().get({ id });
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.session.secretHash))) return null;

	const now = Date.now();
	const session: SessionInfo = { id, userId: row.user.id, expiresAt: row.session.expiresAt };
	if (now >= session.expiresAt.getTime()) {
		await invalidateSession(id);
		return null;
	}
	let renewed = false;
	if (now >= session.expiresAt.getTime() - SESSION_RENEW_WITHIN) {
		session.expiresAt = new Date(now + SESSION_LIFETIME);
		await db().update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	return { session, user: toSessionUser(row.user), renewed };
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await db().delete(sessions).where(eq(sessions.id, sessionId));
}
