import { error, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { classes, type Class } from './db/schema';
import { requireRole } from './guards';
import { displaySafe } from './names';
import type { SessionUser } from './users';

/**
 * The class named in the URL, if this teacher may see it. Every instructor route and action
 * calls this itself: signed-out visitors go to sign in, students get 403, an instructor gets
 * 403 for another instructor's class, an unknown class is 404.
 */
export async function classAccess(
	event: RequestEvent,
	classId: string | undefined
): Promise<{ user: SessionUser; klass: Class }> {
	const user = requireRole(event, ['instructor', 'admin']);
	const id = Number(classId);
	const klass = Number.isSafeInteger(id)
		? await db().select().from(classes).where(eq(classes.id, id)).get()
		: undefined;
	if (!klass) error(404, 'No such class.');
	if (user.role !== 'admin' && klass.instructorId !== user.id)
		error(403, 'This class belongs to another instructor.');
	return { user, klass: { ...klass, name: displaySafe(klass.name) } };
}
