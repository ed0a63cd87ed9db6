import { dueCount } from '$lib/server/review/cards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return {
		user: user && { displayName: user.displayName, role: user.role },
		reviewsDue: user ? await dueCount(user.id) : 0
	};
};
