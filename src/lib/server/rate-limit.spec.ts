import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A real database file, migrated as the server does it; config reads the path when imported.
const dir = mkdtempSync(join(tmpdir(), 'rate-limit-'));
const databasePath = join(dir, 'course.db');
vi.stubEnv('DATABASE_PATH', databasePath);
const { closeDatabase, migrateDatabase } = await import('./db');
const { refundTokens, spendTokens } = await import('./rate-limit');
migrateDatabase();

afterAll(() => {
	closeDatabase();
	vi.unstubAllEnvs();
	rmSync(dir, { recursive: true, force: true });
});

function storedRows(): { key: string; tokens: number; updated_at: number }[] {
	const file = new Database(databasePath, { readonly: true });
	try {
		return file.prepare('select * from rate_limits order by key').all() as never;
	} finally {
		file.close();
	}
}

let limits = 0;
/** Each test gets limits of its own, so no test sees another's buckets. */
function newLimit(capacity: number, refillSeconds: number) {
	limits += 1;
	return { name: `test-${limits}`, capacity, refillSeconds };
}

const T0 = 1_700_000_000_000;

describe('spendTokens', () => {
	it('allows `capacity` attempts at once, then says how long to wait', async () => {
		const limit = newLimit(3, 60);
		for (let attempt = 0; attempt < 3; attempt++) {
			expect(await spendTokens([[limit, 'a']], T0)).toEqual({ allowed: true });
		}
		expect(await spendTokens([[limit, 'a']], T0)).toEqual({ allowed: false, waitSeconds: 60 });
		expect(await spendTokens([[limit, 'a']], T0 + 45_000)).toEqual({
			allowed: false,
			waitSeconds: 15
		});
		// another subject has its own bucket
		expect(await spendTokens([[limit, 'b']], T0)).toEqual({ allowed: true });
	});

	it('drips tokens back one per refill interval, never above capacity', async () => {
		const limit = newLimit(2, 10);
		await spendTokens([[limit, 'a']], T0);
		await spendTokens([[limit, 'a']], T0);
		expect((await spendTokens([[limit, 'a']], T0 + 10_000)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'a']], T0 + 10_000)).allowed).toBe(false);
		// a long pause refills to capacity, not beyond
		const later = T0 + 3_600_000;
		expect((await spendTokens([[limit, 'a']], later)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'a']], later)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'a']], later)).allowed).toBe(false);
	});

	it('spends from no bucket when one of them is empty', async () => {
		const strict = newLimit(1, 60);
		const generous = newLimit(5, 60);
		const both = [
			[strict, 'pair'],
			[generous, 'account']
		] as const;
		expect((await spendTokens(both, T0)).allowed).toBe(true);
		for (let attempt = 0; attempt < 10; attempt++) {
			expect((await spendTokens(both, T0)).allowed).toBe(false);
		}
		// the refused attempts left the generous bucket with its four tokens
		for (let attempt = 0; attempt < 4; attempt++) {
			expect((await spendTokens([[generous, 'account']], T0)).allowed).toBe(true);
		}
		expect((await spendTokens([[generous, 'account']], T0)).allowed).toBe(false);
	});

	it('waits for the slowest of the empty buckets', async () => {
		const fast = newLimit(1, 5);
		const slow = newLimit(1, 600);
		await spendTokens(
			[
				[fast, 'x'],
				[slow, 'x']
			],
			T0
		);
		expect(
			await spendTokens(
				[
					[fast, 'x'],
					[slow, 'x']
				],
				T0
			)
		).toEqual({
			allowed: false,
			waitSeconds: 600
		});
	});

	it('stores a hash of what it counts, never the email or address itself', async () => {
		const limit = newLimit(5, 60);
		const subject = JSON.stringify(['ada.lovelace@example.org', '203.0.113.5']);
		await spendTokens([[limit, subject]], T0);
		const rows = storedRows().filter((row) => row.key.startsWith(`${limit.name}:`));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.key).toMatch(new RegExp(`^${limit.name}:[0-9a-f]{64}$`));
		const everything = JSON.stringify(storedRows());
		expect(everything).not.toContain('ada.lovelace');
		expect(everything).not.toContain('203.0.113.5');
	});

	it('deletes buckets that have filled up again, and only those', async () => {
		const limit = newLimit(2, 60);
		const other = newLimit(2, 60);
		await spendTokens([[limit, 'old']], T0);
		await spendTokens([[limit, 'busy']], T0 + 59_000);
		await spendTokens([[limit, 'busy']], T0 + 59_000);
		await spendTokens([[other, 'old']], T0);
		const keysOf = (name: string) =>
			storedRows().filter((row) => row.key.startsWith(`${name}:`)).length;
		expect(keysOf(limit.name)).toBe(2);

		// a minute on, "old" is full again; "busy" still has a token to win back
		await spendTokens([[limit, 'new']], T0 + 61_000);
		expect(keysOf(limit.name)).toBe(2);
		expect(keysOf(other.name)).toBe(1);
	});
});

describe('refundTokens', () => {
	it('gives back a spent token, up to capacity', async () => {
		const limit = newLimit(2, 600);
		await spendTokens([[limit, 'a']], T0);
		await spendTokens([[limit, 'a']], T0);
		await refundTokens([[limit, 'a']], T0);
		expect((await spendTokens([[limit, 'a']], T0)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'a']], T0)).allowed).toBe(false);

		await refundTokens([[limit, 'b']], T0);
		await refundTokens([[limit, 'b']], T0);
		expect((await spendTokens([[limit, 'b']], T0)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'b']], T0)).allowed).toBe(true);
		expect((await spendTokens([[limit, 'b']], T0)).allowed).toBe(false);
	});
});
