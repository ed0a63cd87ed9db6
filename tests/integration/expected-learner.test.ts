import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_LEARNER_HEADER } from '../../src/lib/offline/rules';
import { Visitor } from '../helpers/client';
import { query } from '../helpers/db';
import { signUp } from '../helpers/people';
import { startServer, type TestServer } from '../helpers/server';

// A request kept offline is sent later naming the learner it was made for; by then someone else
// may be signed in on the device, and it must never be recorded for them.

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const LESSON = 'franchise-model/local-allies';

function reachedBy(userId: number): string[] {
	const rows = query<{ sections_reached: string }>(
		server.databasePath,
		'select sections_reached from lesson_progress where user_id = ? and lesson_key = ?',
		userId,
		LESSON
	);
	return rows.flatMap((row) => JSON.parse(row.sections_reached) as string[]);
}

describe('requests kept offline name their learner', () => {
	it('records one made for the learner signed in, and refuses one made for someone else', async () => {
		const first = await signUp(server);
		const second = await signUp(server);
		const checkpoint = {
			lesson: LESSON,
			section: 'end',
			visitId: 'visit-offline-1',
			activeSeconds: 5
		};

		const mine = await second.visitor.postJson('/api/progress', checkpoint, {
			[EXPECTED_LEARNER_HEADER]: String(second.id)
		});
		expect(mine.status).toBe(200);
		expect(reachedBy(second.id)).toContain('end');

		const theirs = await second.visitor.postJson(
			'/api/progress',
			{ ...checkpoint, visitId: 'visit-offline-2' },
			{ [EXPECTED_LEARNER_HEADER]: String(first.id) }
		);
		expect(theirs.status).toBe(409);
		expect((await theirs.json()).message).toMatch(/another account/);
		expect(reachedBy(first.id)).toEqual([]);

		// Signed out by the time it is sent: refused, not answered as a sign-in problem.
		const signedOut = await new Visitor(server.url).postJson('/api/progress', checkpoint, {
			[EXPECTED_LEARNER_HEADER]: String(first.id)
		});
		expect(signedOut.status).toBe(409);
	});
});
