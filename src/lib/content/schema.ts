import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

/** Front matter of `lessons/NN-module/index.md`. */
export const moduleFrontMatter = z.strictObject({
	title: text,
	summary: text,
	contentNote: text,
	/** What a learner can do after the module, one short sentence each. */
	objectives: z
		.array(text)
		.min(2, 'list at least two objectives')
		.max(6, 'list at most six objectives')
});

/** Front matter of `lessons/NN-module/NN-lesson/index.md`. */
export const lessonFrontMatter = z.strictObject({
	title: text,
	summary: text,
	/** What a learner can do after the lesson, shown under its title. */
	objectives: z
		.array(text)
		.min(2, 'list at least two objectives')
		.max(4, 'list at most four objectives')
});

export type ModuleFrontMatter = z.infer<typeof moduleFrontMatter>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatter>;

/** One line per problem, naming the field, e.g. `field "title": must not be empty`. */
export function describeIssues(error: z.ZodError, input: unknown): string[] {
	const given = (path: PropertyKey[]) => {
		let value = input;
		for (const key of path) {
			if (typeof value !== 'object' || value === null || !(key in value)) return false;
			value = (value as Record<PropertyKey, unknown>)[key];
		}
		return path.length > 0;
	};
	return error.issues.map((issue) => {
		if (issue.code === 'unrecognized_keys') {
			return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
		}
		const field = `field "${issue.path.join('.') || '(front matter)'}"`;
		if (issue.code === 'invalid_type') {
			return !given(issue.path) ? `${field} is missing` : `${field} must be a ${issue.expected}`;
		}
		return `${field}: ${issue.message}`;
	});
}
