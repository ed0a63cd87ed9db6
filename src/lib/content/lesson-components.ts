import type { Component } from 'svelte';

// Lazy, so each lesson is its own chunk and a phone downloads only the lesson it opens.
const lessonBodies = import.meta.glob<{ default: Component }>('/lessons/*/*/index.md');

export async function loadLessonBody(file: string): Promise<Component> {
	const load = lessonBodies[file];
	if (!load) throw new Error(`No compiled lesson for ${file}`);
	return (await load()).default;
}
