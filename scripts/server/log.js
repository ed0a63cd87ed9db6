// The same one-JSON-object-per-line shape as the app's log (src/lib/server/log.ts).

/**
 * @param {string} event
 * @param {Record<string, unknown>} fields named values only, never a request or an error object
 */
export function log(event, fields = {}) {
	console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event, ...fields }));
}
