import { json } from '@sveltejs/kit';
import { databaseHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	const database = await databaseHealth();
	return json(
		{ status: database === 'ok' ? 'ok' : 'unavailable', database },
		{ status: database === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
