import type { Component } from 'svelte';

// Lazy, so each lesson is its own chunk. A lesson renders on the server only (its page has no
// client, see the lesson route), so the browser's build leaves the lessons out altogether.
const lessonBodies: Record<string, () => Promise<{ default: Component }>> = import.meta.env.SSR
	? import.meta.glob<{ default: Component }>('/lessons/*/*/index.md')
	: {};

export async function loadLessonBody(file: string): Promise<Component> {
	const load = lessonBodies[file];
	if (!load) throw new Error(`No compiled lesson for ${file}`);
	return (await load()).default;
}
