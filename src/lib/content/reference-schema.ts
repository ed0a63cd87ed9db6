import { z } from 'zod';
import { dateRange } from './timeline-dates.ts';

// Course-wide reference data kept beside the lessons: lessons/timeline.yaml, lessons/actors.yaml
// and lessons/positions.yaml. Every entry names its article and quotes it word for word.

const text = z.string().trim().min(1, 'must not be empty');
const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const source = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'source is an article file name');
const modules = z.array(z.number().int().min(0).max(3)).min(1, 'name the modules that use it');

function uniqueIds(entries: { id: string }[], context: z.RefinementCtx) {
	const seen = new Set<string>();
	for (const [index, { id }] of entries.entries()) {
		if (seen.has(id))
			context.addIssue({ code: 'custom', message: 'id is used twice', path: [index, 'id'] });
		seen.add(id);
	}
}

const period = z
	.string()
	.regex(
		/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
		'a date is YYYY, YYYY-MM or YYYY-MM-DD'
	);
const citation = z.strictObject({ source, quote: text });

/** See timeline-dates.ts for what each form means and how it is shown. */
const eventDate = z.union(
	[
		period,
		z.strictObject({ about: z.string().regex(/^\d{4}$/, 'about takes a year, YYYY') }),
		z
			.strictObject({
				after: period,
				before: z
					.string()
					.regex(/^\d{4}$/, 'before takes a year, YYYY')
					.optional()
			})
			.refine(
				(bounds) => dateRange(bounds).start <= dateRange(bounds).end,
				'before must be later than after'
			)
	],
	{ error: "date is YYYY, YYYY-MM or YYYY-MM-DD, { about: 'YYYY' } or { after: …, before: … }" }
);

export const timelineFile = z.strictObject({
	events: z
		.array(
			z.strictObject({
				id,
				date: eventDate,
				/** The date as the articles give it, in words ("a Friday in 2017, probably May (inferred)"). */
				when: text,
				event: text,
				/** Every article that reports the event, each with its own words. */
				citations: z.array(citation).min(1, 'cite at least one article'),
				modules
			})
		)
		.superRefine(uniqueIds)
});

/** Whether `name` stands as a word (or words) in `quote`, ignoring case. */
export function quoteNames(quote: string, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'iu').test(quote);
}

const articleName = z
	.strictObject({
		name: text,
		/** Every article that uses the name, each with words of its own that contain it. */
		usedIn: z.array(citation).min(1, 'name an article that uses it')
	})
	.superRefine(({ name, usedIn }, context) => {
		for (const [index, { quote }] of usedIn.entries())
			if (!quoteNames(quote, name))
				context.addIssue({
					code: 'custom',
					message: `the quote does not contain the name "${name}"`,
					path: ['usedIn', index, 'quote']
				});
	});

export const actorsFile = z.strictObject({
	actors: z
		.array(
			z.strictObject({
				id,
				/** The heading, in the course's words. */
				name: text,
				/** The names the articles use, where they differ or need explaining. */
				names: z.array(articleName).default([]),
				kind: z.enum(['group', 'person', 'organisation', 'community', 'funders', 'place']),
				/** What each article says of it, in our words, with a short quote. */
				says: z.array(z.strictObject({ source, text, quote: text })).min(1),
				modules
			})
		)
		.superRefine(uniqueIds)
});

const stance = z.strictObject({ position: text, arguedBy: text, source, quote: text });

export const positionsFile = z.strictObject({
	positions: z
		.array(
			z
				.strictObject({
					id,
					topic: text,
					...stance.shape,
					/** Another article's opposing view: a contrast, since none replies to another. */
					counter: stance.optional(),
					/** Where no article takes the other side: why, and the closest view there is. */
					noCounter: z.strictObject({ why: text, nearest: stance.optional() }).optional()
				})
				.refine((row) => (row.counter === undefined) !== (row.noCounter === undefined), {
					message: 'give either counter or noCounter',
					path: ['counter']
				})
		)
		.superRefine(uniqueIds)
});

export type TimelineEvent = z.output<typeof timelineFile>['events'][number];
export type Actor = z.output<typeof actorsFile>['actors'][number];
export type Position = z.output<typeof positionsFile>['positions'][number];

/**
 * General background the articles assume (a month's name, a kind of building): one line each,
 * never from the articles and never cited. A lesson lists the terms its text uses (`match`: the
 * words to look for, whole and case-sensitive).
 */
export const backgroundFile = z.strictObject({
	terms: z
		.array(
			z.strictObject({
				id,
				term: text,
				gloss: text,
				match: z.array(text).min(1)
			})
		)
		.min(1)
});

export const referenceFiles = {
	'timeline.yaml': timelineFile,
	'actors.yaml': actorsFile,
	'positions.yaml': positionsFile,
	'background.yaml': backgroundFile
} as const;

export type TimelineFile = z.output<typeof timelineFile>;
export type ActorsFile = z.output<typeof actorsFile>;
export type PositionsFile = z.output<typeof positionsFile>;
export type BackgroundFile = z.output<typeof backgroundFile>;
export type BackgroundTerm = BackgroundFile['terms'][number];
