import { formatJoinCode } from '$lib/server/classes';
import type { Class } from '$lib/server/db/schema';
import { qrCode } from '$lib/server/qr';

/**
 * The class's join code, its link and the link's QR code; an archived class has none to share.
 * The link uses the address the instructor reached us by, which their students can reach too.
 */
export function joinLink(origin: string, klass: Pick<Class, 'joinCode' | 'archivedAt'>) {
	if (klass.archivedAt) return null;
	const url = `${origin}/join/${klass.joinCode}`;
	// Where a student types the code instead, named on the projected page.
	const codePage = `${origin}/join`;
	return { code: formatJoinCode(klass.joinCode), url, codePage, qr: qrCode(url) };
}
