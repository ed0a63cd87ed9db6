// Pages with their own action bar at the foot of a phone's screen (the quiz's Check/Next bar):
// the tab bar would stack on top of it, so these pages go without it on phones. Route ids as
// SvelteKit names them (`page.route.id`).
const routesWithOwnBottomBar = new Set(['/learn/[module]/[lesson]/quiz/[attempt]']);

/** Whether a page shows the bottom tab bar on phones. */
export function showsTabBar(routeId: string | null): boolean {
	return routeId === null || !routesWithOwnBottomBar.has(routeId);
}

/**
 * `aria-current` for a navigation link: "page" on the page it leads to, "true" on a page within
 * the section it leads to (GOV.UK's service navigation does the same).
 */
export function currentIn(
	pathname: string,
	href: string,
	section = href
): 'page' | 'true' | undefined {
	if (pathname === href) return 'page';
	if (section !== '/' && (pathname === section || pathname.startsWith(section + '/')))
		return 'true';
	return undefined;
}
