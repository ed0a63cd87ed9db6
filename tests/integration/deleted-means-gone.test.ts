import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, Visitor } from '../helpers/client';
import { postAnswer, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// The server runs on a database in this test's own folder, so the files outlive the server.
const dir = mkdtempSync(join(tmpdir(), 'course-deleted-'));
const databasePath = join(dir, 'course.db');
let server: TestServer | undefined;
beforeAll(async () => {
	server = await startServer({ databasePath });
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** Which of `texts` can still be read, as UTF-8, anywhere in the database file, its WAL or its shm. */
function readableIn(texts: string[]): string[] {
	const files = ['', '-wal', '-shm']
		.map((suffix) => databasePath + suffix)
		.filter((path) => existsSync(path))
		.map((path) => readFileSync(path));
	return texts.filter((text) => files.some((bytes) => bytes.includes(Buffer.from(text, 'utf8'))));
}

describe('a deleted account', () => {
	it('leaves its email, name and answers nowhere in the database files', async () => {
		const mark = Math.random().toString(36).slice(2, 8);
		const account = newAccount({
			email: `quokka.vermilion.${mark}@example.org`,
			displayName: `Zoë Quillfeather ${mark}`
		});
		const answer = `periwinkle marmalade ${mark}`;
		const visitor = new Visitor(server!.url);
		expect((await visitor.post('/sign-up', account)).status).toBe(303);
		const attempt = await startAttempt(visitor);
		for (const question of sampleQuiz.questions.slice(0, 3))
			expect((await postAnswer(visitor, attempt, question)).status).toBe(303);
		const short = sampleQuiz.questions.find((question) => question.type === 'short')!;
		const answered = await visitor.post(`${attempt}?/answer`, { question: short.id, answer });
		expect(answered.status).toBe(303);
		expect((await visitor.post(`${attempt}?/submit`, {})).status).toBe(303);

		const personal = [account.email, account.displayName, answer];
		// The check reads what it should: before the deletion every text is there to find.
		expect(readableIn(personal)).toEqual(personal);

		const deleted = await visitor.post('/account?/delete', {
			password: account.password,
			confirm: 'DELETE'
		});
		expect(deleted.status).toBe(303);
		expect(readableIn(personal), 'while the server runs').toEqual([]);

		await server!.stop();
		server = undefined;
		expect(readableIn(personal), 'after the server stops').toEqual([]);
	});
});
