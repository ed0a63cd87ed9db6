/**
 * One JSON object per line. Callers pass named fields, never whole requests, errors or rows,
 * so passwords, hashes, tokens and stack traces cannot slip into the log.
 */
type Field = string | number | boolean | null | undefined;

function write(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, Field>) {
	const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
	(level === 'error' ? console.error : console.log)(line);
}

export const log = {
	info: (event: string, fields: Record<string, Field> = {}) => write('info', event, fields),
	warn: (event: string, fields: Record<string, Field> = {}) => write('warn', event, fields),
	error: (event: string, fields: Record<string, Field> = {}) => write('error', event, fields)
};
