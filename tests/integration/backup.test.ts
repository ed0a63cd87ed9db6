import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerUntilStopped, type Acknowledged } from '../helpers/answering';
import { backupCommand } from '../helpers/cli';
import { newAccount, Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { startServer, type TestServer } from '../helpers/server';

const STUDENTS = 4;
/** The backup starts once this many answers are in. */
const ANSWERS_BEFORE = 20;
/** Bounds on the load: no student sends more once either is reached. */
const ANSWER_LIMIT = 400;
const TIME_LIMIT_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'course-backup-'));
let server: TestServer;
let restored: TestServer | undefined;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await restored?.stop();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('npm run backup', () => {
	it('copies the live database while answers are written; the copy restores and serves them', async () => {
		const students = Array.from({ length: STUDENTS }, () => new Visitor(server.url));
		for (const student of students)
			expect((await student.post('/sign-up', newAccount())).status).toBe(303);

		const acknowledged: Acknowledged[] = [];
		const started = Date.now();
		let backedUp = false;
		const stopped = () =>
			backedUp || acknowledged.length >= ANSWER_LIMIT || Date.now() - started >= TIME_LIMIT_MS;
		const load = Promise.all(
			students.map((student) => answerUntilStopped(student, acknowledged, stopped))
		);
		while (acknowledged.length < ANSWERS_BEFORE && !stopped())
			await new Promise((tick) => setTimeout(tick, 10));
		const before = [...acknowledged];
		const backup = join(dir, 'backup.db');
		const run = await backupCommand(server.databasePath, [backup]);
		const during = acknowledged.length - before.length;
		backedUp = true;
		await load;

		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(`Wrote ${backup}`);
		// The students kept answering while the copy was taken.
		expect(during).toBeGreaterThan(0);
		const copy = new Database(backup, { readonly: true });
		try {
			expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
			// One self-contained file: nothing needs a -wal beside it.
			expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
		} finally {
			copy.close();
		}

		// Restore as the README says: the copy becomes the database of a server started on it.
		mkdirSync(join(dir, 'restored'));
		const databasePath = join(dir, 'restored', 'course.db');
		copyFileSync(backup, databasePath);
		restored = await startServer({ databasePath });
		const versionOf = new Map(
			query<{ key: string; id: number }>(
				databasePath,
				`SELECT question_key AS key, id FROM question_versions
				WHERE quiz_id = 'franchise-model/local-allies' AND is_current = 1`
			).map((row) => [row.key, row.id])
		);
		const exported = new Set<string>();
		for (const student of students) {
			const same = new Visitor(restored.url, student.address);
			for (const [name, value] of student.cookies) same.cookies.set(name, value);
			const response = await same.get('/account/export.json');
			expect(response.status).toBe(200);
			const data = (await response.json()) as {
				answers: { attemptId: number; questionVersionId: number }[];
			};
			for (const answer of data.answers)
				exported.add(`${answer.attemptId}:${answer.questionVersionId}`);
		}
		const missing = before.filter(
			(answer) => !exported.has(`${answer.attemptId}:${versionOf.get(answer.questionKey)}`)
		);
		expect(missing).toEqual([]);
	});

	it('refuses to overwrite a file unless told to with --force', async () => {
		const file = join(dir, 'taken.db');
		const first = await backupCommand(server.databasePath, [file]);
		expect(first.status).toBe(0);
		const bytes = readFileSync(file);
		const refused = await backupCommand(server.databasePath, [file]);
		expect(refused.status).toBe(2);
		expect(refused.stderr).toContain(`${file} exists; add --force to overwrite it.`);
		expect(readFileSync(file).equals(bytes)).toBe(true);
		const forced = await backupCommand(server.databasePath, [file, '--force']);
		expect(forced.status).toBe(0);
		expect(forced.stdout).toContain(`Wrote ${file}`);
	});
});
