// Pages served without SvelteKit's client (`csr = false`): the lessons, so a phone opening one
// downloads no framework. The client router would otherwise render them itself when reached from
// another page, without the lesson's own script; so every way in must be a full page load. Route
// ids as SvelteKit names them.
const documentRoutes = new Set(['/learn/[module]/[lesson]']);

/** Whether the page at this route must be loaded by the browser, never by the client router. */
export function isDocumentPage(routeId: string | null | undefined): boolean {
	return !!routeId && documentRoutes.has(routeId);
}
