import { classAccess } from '$lib/server/class-access';
import { joinLink } from '../join-link.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	return {
		klass: { id: klass.id, name: klass.name },
		join: joinLink(event.url.origin, klass)
	};
};
