import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { db, type AppDatabase } from './db';
import { rateLimits } from './db/schema';

/**
 * Token buckets kept in the database, so every server process on the same file shares them.
 * A bucket starts full; each attempt spends a token; tokens drip back continuously, one every
 * `refillSeconds`, up to `capacity`.
 */
export interface Limit {
	/** Names the limit in its stored keys, e.g. `sign-in:address`. */
	readonly name: string;
	readonly capacity: number;
	readonly refillSeconds: number;
}

/** A limit and what it counts: an address, an email, a user id, or a pair of them. */
export type Bucket = readonly [limit: Limit, subject: string];

export type Spending = { allowed: true } | { allowed: false; waitSeconds: number };

type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

// Subjects hold emails and addresses; only a hash is stored, so a deleted account's email is not
// left readable in the file. The limit's name goes into the hash too, so one person's keys
// under different limits cannot be matched with each other.
function keyOf([limit, subject]: Bucket): string {
	const digest = sha256(new TextEncoder().encode(`${limit.name}\n${subject}`));
	return `${limit.name}:${encodeHexLowerCase(digest)}`;
}

/** Tokens in the bucket at `now` (clocks of two processes may differ a little: never negative). */
function tokensAt(tx: Transaction, limit: Limit, key: string, now: number): number {
	const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
	if (!row) return limit.capacity;
	const dripped = Math.max(0, now - row.updatedAt) / (limit.refillSeconds * 1000);
	return Math.min(limit.capacity, row.tokens + dripped);
}

function store(tx: Transaction, key: string, tokens: number, now: number): void {
	tx.insert(rateLimits)
		.values({ key, tokens, updatedAt: now })
		.onConflictDoUpdate({ target: rateLimits.key, set: { tokens, updatedAt: now } })
		.run();
}

/**
 * Spends one token from every bucket, or none when any is empty: then says how long until all
 * have one again. A refused attempt costs nothing, so being turned away at one bucket never
 * drains another (an attacker locked out of one pair cannot use up the account's ceiling).
 * One immediate transaction: it takes the write lock before reading, so two processes cannot
 * both spend the last token.
 */
export async function spendTokens(buckets: readonly Bucket[], now = Date.now()): Promise<Spending> {
	const spending = db().transaction(
		(tx): Spending => {
			const counted = buckets.map((bucket) => {
				const key = keyOf(bucket);
				return { key, limit: bucket[0], tokens: tokensAt(tx, bucket[0], key, now) };
			});
			const empty = counted.filter(({ tokens }) => tokens < 1);
			if (empty.length > 0) {
				const waits = empty.map(({ limit, tokens }) => (1 - tokens) * limit.refillSeconds);
				return { allowed: false, waitSeconds: Math.max(1, Math.ceil(Math.max(...waits))) };
			}
			for (const { key, tokens } of counted) store(tx, key, tokens - 1, now);
			return { allowed: true };
		},
		{ behavior: 'immediate' }
	);
	if (spending.allowed) await pruneFullBuckets(buckets, now);
	return spending;
}

/** Gives back the tokens an attempt spent, when it turned out not to count (a right join code). */
export async function refundTokens(buckets: readonly Bucket[], now = Date.now()): Promise<void> {
	db().transaction(
		(tx) => {
			for (const bucket of buckets) {
				const key = keyOf(bucket);
				const tokens = tokensAt(tx, bucket[0], key, now);
				store(tx, key, Math.min(bucket[0].capacity, tokens + 1), now);
			}
		},
		{ behavior: 'immediate' }
	);
}

const PRUNE_EVERY_MS = 60_000;
const lastPruned = new Map<string, number>();

/**
 * A full bucket says nothing a missing row does not, so full ones are deleted: the table holds
 * only keys used recently. Each process does it at most once a minute per limit.
 */
async function pruneFullBuckets(buckets: readonly Bucket[], now: number): Promise<void> {
	for (const [limit] of buckets) {
		if (now - (lastPruned.get(limit.name) ?? -Infinity) < PRUNE_EVERY_MS) continue;
		lastPruned.set(limit.name, now);
		const refillMs = limit.refillSeconds * 1000;
		await db()
			.delete(rateLimits)
			.where(
				and(
					// Keys are `name:hex`; `;` follows `:`, so this is exactly this limit's keys.
					gt(rateLimits.key, `${limit.name}:`),
					lt(rateLimits.key, `${limit.name};`),
					sql`${rateLimits.updatedAt} <= ${now} - (${limit.capacity} - ${rateLimits.tokens}) * ${refillMs}`
				)
			);
	}
}
