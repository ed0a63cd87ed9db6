import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { RequestEvent } from '@sveltejs/kit';
import { and, desc, eq, notInArray } from 'drizzle-orm';
import { hashSecret, randomString } from './auth';
import { db } from './db';
import { signInDevices } from './db/schema';

// OWASP's "device cookies": a browser that has signed in to an account before carries a token
// saying so, and its sign-ins to that account are limited per device instead of per address
// and account. Guessing from anywhere else then cannot lock the owner out.

const COOKIE = 'device';
const LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** Devices remembered per account; the least recently used are forgotten first. */
const KEPT_PER_USER = 20;

/** The device id when the browser's device cookie belongs to this user, else null. */
export async function recognisedDevice(
	event: RequestEvent,
	userId: number
): Promise<string | null> {
	const [id, secret, ...rest] = (event.cookies.get(COOKIE) ?? '').split('.');
	if (!id || !secret || rest.length > 0) return null;
	const row = await db().select().from(signInDevices).where(eq(signInDevices.id, id)).get();
	if (!row || row.userId !== userId) return null;
	return constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash)) ? id : null;
}

/** After a successful sign-in: remember this browser (again) for this user. */
export async function rememberDevice(
	event: RequestEvent,
	userId: number,
	known: string | null
): Promise<void> {
	const now = new Date();
	if (known) {
		await db().update(signInDevices).set({ lastUsedAt: now }).where(eq(signInDevices.id, known));
		return;
	}
	const id = randomString();
	const secret = randomString();
	await db()
		.insert(signInDevices)
		.values({ id, userId, secretHash: Buffer.from(hashSecret(secret)), lastUsedAt: now });
	const kept = db()
		.select({ id: signInDevices.id })
		.from(signInDevices)
		.where(eq(signInDevices.userId, userId))
		.orderBy(desc(signInDevices.lastUsedAt))
		.limit(KEPT_PER_USER);
	await db()
		.delete(signInDevices)
		.where(and(eq(signInDevices.userId, userId), notInArray(signInDevices.id, kept)));
	event.cookies.set(COOKIE, `${id}.${secret}`, {
		path: '/sign-in',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		expires: new Date(now.getTime() + LIFETIME_MS)
	});
}
