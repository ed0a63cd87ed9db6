import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, ['instructor', 'admin']);
	return { displayName: user.displayName };
};
