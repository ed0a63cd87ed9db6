import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** Front matter of `lessons/NN-module/index.md`. */
export const moduleFrontMatter = z.strictObject({
	title: text,
	summary: text,
	contentNote: text
});

/** Front matter of `lessons/NN-module/NN-lesson/index.md`. */
export const lessonFrontMatter = z.strictObject({
	title: text,
	summary: text
});

export type ModuleFrontMatter = z.infer<typeof moduleFrontMatter>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;

/** One line per problem, naming the field, e.g. `field "title": must not be empty`. */
export function describeIssues(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
		}
		const field = issue.path.join('.') || '(front matter)';
		const message =
			issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : issue.message;
		return `field "${field}": ${message}`;
	});
}
