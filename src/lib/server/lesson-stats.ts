import background from 'virtual:course/background.yaml';
import { backgroundFor } from '$lib/content/background';
import { readLessonText, type LessonText } from '$lib/content/lesson-text';
import type { BackgroundTerm } from '$lib/content/reference-schema';

// Reading time, cited sources and background terms of each lesson, from its Markdown source
// (server bundle only).
const sources = import.meta.glob<string>('/lessons/*/*/index.md', {
	query: '?raw',
	import: 'default',
	eager: true
});

const stats = new Map(Object.entries(sources).map(([file, text]) => [file, readLessonText(text)]));

export function statsFor(file: string): LessonText {
	return stats.get(file) ?? { words: 0, minutes: 1, cites: [], sections: [] };
}

const backgroundTerms = new Map(
	Object.entries(sources).map(([file, text]) => [file, backgroundFor(text, background.terms)])
);

/** The general-background terms the lesson's text uses (lessons/background.yaml). */
export function backgroundTermsFor(file: string): BackgroundTerm[] {
	return backgroundTerms.get(file) ?? [];
}
