import { redirect } from '@sveltejs/kit';

// The course home lists the modules; /learn on its own has nothing else to show.
export const load = () => redirect(308, '/');
