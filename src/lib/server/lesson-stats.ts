import { readLessonText, type LessonText } from '$lib/content/lesson-text';

// Reading time and cited sources of each lesson, from its Markdown source (server bundle only).
const sources = import.meta.glob<string>('/lessons/*/*/index.md', {
	query: '?raw',
	import: 'default',
	eager: true
});

const stats = new Map(Object.entries(sources).map(([file, text]) => [file, readLessonText(text)]));

export function statsFor(file: string): LessonText {
	return stats.get(file) ?? { words: 0, minutes: 1, cites: [], sections: [] };
}
