import { tick } from 'svelte';
import { goto, replaceState } from '$app/navigation';
import { page } from '$app/state';

/**
 * Follows a form action's redirect as `use:enhance` would, but moves focus to what the new
 * address points at (`#…`: the feedback asked for, the results) instead of back to the top of
 * the page, where Kit would put it and where a keyboard or screen-reader user would be lost.
 */
export async function followRedirect(location: string): Promise<void> {
	await goto(location, { invalidateAll: true, keepFocus: true, noScroll: true });
	focusTarget(location);
}

/**
 * Shows an action's result applied in place as if its redirect had been followed: the address
 * becomes `location` (so a reload shows the same screen) and focus moves to what it points at.
 */
export async function showInPlace(location: string): Promise<void> {
	replaceState(location, page.state);
	await tick();
	focusTarget(location);
}

function focusTarget(location: string) {
	const target = new URL(location, window.location.href).hash.slice(1);
	if (!target) return;
	const element = document.getElementById(target);
	// Feedback: all of it in sight, its "why" too, not only the verdict that takes focus; its
	// scroll-margin keeps it clear of the sticky action bar.
	const feedback = element?.closest('.feedback');
	element?.focus({ preventScroll: !!feedback });
	feedback?.scrollIntoView({ block: 'nearest' });
}
