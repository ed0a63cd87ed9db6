import { requireUser } from '$lib/server/guards';
import { dashboardFor } from '$lib/server/progress/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { dashboard: await dashboardFor(user.id) };
};
