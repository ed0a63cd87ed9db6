import { error } from '@sveltejs/kit';
import { datasets, personalData } from '$lib/server/account/export';
import { toCsv } from '$lib/server/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.user) error(401, 'Sign in to download your data.');
	const name = datasets.find((dataset) => `${dataset}.csv` === params.dataset);
	if (!name)
		error(404, `No such download. Choose one of: ${datasets.map((d) => `${d}.csv`).join(', ')}.`);
	const data = await personalData(locals.user.id);
	const rows = [data![name]].flat() as Record<string, unknown>[];
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="my-${name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
