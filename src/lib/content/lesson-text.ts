import GithubSlugger from 'github-slugger';

/** What a lesson's Markdown source says about itself: words of prose and the articles it cites. */
export interface LessonText {
	/** Its `##` sections, with the ids rehype-slug gives their headings, then the end. */
	sections: { id: string; title: string }[];
	words: number;
	minutes: number;
	/** Article file names the lesson cites, in order of first citation. */
	cites: string[];
}

const WORDS_PER_MINUTE = 200;

/** The checkpoint after a lesson's last paragraph. */
export const END_OF_LESSON = 'end';

export function readLessonText(markdown: string): LessonText {
	const prose = markdown
		.replace(/^---[\s\S]*?\n---/, '')
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<[^>]+>/g, ' ');
	const words = prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
	const cites = [...new Set([...markdown.matchAll(/source="([^"]+)"/g)].map((match) => match[1]!))];
	const slugger = new GithubSlugger();
	const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => ({
		level: match[0].indexOf(' '),
		title: match[1]!.trim()
	}));
	// Every heading takes a slug (so later duplicates number the same way rehype-slug does); `##` are the sections.
	const sections = headings
		.map((heading) => ({ ...heading, id: slugger.slug(heading.title) }))
		.filter((heading) => heading.level === 2)
		.map(({ id, title }) => ({ id, title }));
	sections.push({ id: END_OF_LESSON, title: 'End of the lesson' });
	return { words, minutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)), cites, sections };
}
