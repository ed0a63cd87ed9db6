import { error } from '@sveltejs/kit';
import { personalData } from '$lib/server/account/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in to download your data.');
	const data = await personalData(locals.user.id);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="my-course-data.json"',
			'cache-control': 'private, no-store'
		}
	});
};
