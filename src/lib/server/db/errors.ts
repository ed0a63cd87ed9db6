/**
 * Drizzle wraps driver errors in a DrizzleQueryError whose message lists the query's
 * parameters (which may be hashes or session ids). These helpers reach the driver's error.
 */
function driverError(error: unknown): unknown {
	if (error instanceof Error && error.name === 'DrizzleQueryError' && error.cause)
		return error.cause;
	return error;
}

export function sqliteErrorCode(error: unknown): string | undefined {
	const code = (driverError(error) as { code?: unknown })?.code;
	return typeof code === 'string' ? code : undefined;
}

/** A description of an error that is safe to log: the driver's message, never the parameters. */
export function describeErrorSafely(error: unknown): { name: string; detail: string } {
	const inner = driverError(error);
	if (!(inner instanceof Error)) return { name: typeof inner, detail: 'non-Error thrown' };
	return { name: inner.name, detail: inner.message.split('\n')[0]!.slice(0, 300) };
}
