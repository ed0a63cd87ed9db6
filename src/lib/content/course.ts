import { error } from '@sveltejs/kit';
import { lessonFrontMatter, moduleFrontMatter } from './schema';
import { parseFolderName } from './slugs';

export interface LessonLink {
	moduleSlug: string;
	slug: string;
	title: string;
	href: string;
}

export interface Lesson extends LessonLink {
	summary: string;
	objectives: string[];
	/** Key of the compiled Markdown module, for loading its component. */
	file: string;
	previous: LessonLink | null;
	next: LessonLink | null;
}

export interface CourseModule {
	slug: string;
	number: number;
	title: string;
	summary: string;
	contentNote: string;
	objectives: string[];
	href: string;
	lessons: Lesson[];
}

// Front matter only; the lesson bodies are loaded per page (see lesson-components.ts).
const moduleFiles = import.meta.glob('/lessons/*/index.md', { eager: true, import: 'metadata' });
const lessonFiles = import.meta.glob('/lessons/*/*/index.md', { eager: true, import: 'metadata' });

function folders(file: string) {
	const parts = file.split('/').slice(2, -1); // drop '', 'lessons' and 'index.md'
	return parts.map((name) => {
		const parsed = parseFolderName(name);
		// The build plugin rejects such folders; this guards `vite dev`.
		if (!parsed) throw new Error(`${file}: badly named folder "${name}"`);
		return parsed;
	});
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

function buildCourse(): CourseModule[] {
	const modules = Object.entries(moduleFiles)
		.map(([file, metadata]) => {
			const [module] = folders(file);
			const front = moduleFrontMatter.parse(metadata);
			return {
				...front,
				order: module!.order,
				slug: module!.slug,
				prefix: file.slice(0, -'index.md'.length)
			};
		})
		.sort(byOrder);

	const course = modules.map((module): CourseModule => {
		const lessons = Object.entries(lessonFiles)
			.filter(([file]) => file.startsWith(module.prefix))
			.map(([file, metadata]) => {
				const [, lesson] = folders(file);
				const front = lessonFrontMatter.parse(metadata);
				return { ...front, file, order: lesson!.order, slug: lesson!.slug };
			})
			.sort(byOrder)
			.map(({ title, summary, objectives, file, slug }) => ({
				moduleSlug: module.slug,
				slug,
				title,
				summary,
				objectives,
				file,
				href: `/learn/${module.slug}/${slug}`,
				previous: null,
				next: null
			}));
		return {
			slug: module.slug,
			// The folder's number, so the orientation (00-…) is module 0.
			number: module.order,
			title: module.title,
			summary: module.summary,
			contentNote: module.contentNote,
			objectives: module.objectives,
			href: `/learn/${module.slug}`,
			lessons
		};
	});

	// Previous/next run across module boundaries, in reading order.
	const sequence = course.flatMap((module) => module.lessons);
	const link = (lesson: Lesson | undefined): LessonLink | null =>
		lesson
			? { moduleSlug: lesson.moduleSlug, slug: lesson.slug, title: lesson.title, href: lesson.href }
			: null;
	sequence.forEach((lesson, i) => {
		lesson.previous = link(sequence[i - 1]);
		lesson.next = link(sequence[i + 1]);
	});
	return course;
}

export const course: CourseModule[] = buildCourse();

export function getModule(moduleSlug: string): CourseModule {
	const module = course.find((candidate) => candidate.slug === moduleSlug);
	if (!module) error(404, 'No such module');
	return module;
}

export function getLesson(
	moduleSlug: string,
	lessonSlug: string
): { module: CourseModule; lesson: Lesson } {
	const module = getModule(moduleSlug);
	const lesson = module.lessons.find((candidate) => candidate.slug === lessonSlug);
	if (!lesson) error(404, 'No such lesson');
	return { module, lesson };
}
