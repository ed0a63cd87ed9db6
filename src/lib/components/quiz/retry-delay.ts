/**
 * How long to wait before sending an answer again after the server said it was busy (503): the
 * seconds it asked for, spread by up to half as much again, so that a class refused together
 * does not come back together.
 */
export function retryDelay(error: unknown, random = Math.random): number {
	const asked = (error as { retryAfter?: unknown } | null)?.retryAfter;
	const seconds = typeof asked === 'number' && asked > 0 && asked <= 60 ? asked : 1;
	return seconds * 1000 * (1 + random() / 2);
}
