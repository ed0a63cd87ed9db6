import { z } from 'zod';

// Course-wide reference data kept beside the lessons: lessons/timeline.yaml, lessons/actors.yaml
// and lessons/positions.yaml. Every entry names its article and quotes it word for word.

const text = z.string().trim().min(1, 'must not be empty');
const id = z
	.string()
	.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and dashes');
const source = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'source is an article file name');
const modules = z.array(z.number().int().min(0).max(3)).min(1, 'name the modules that use it');

export const timelineFile = z.strictObject({
	events: z.array(
		z.strictObject({
			id,
			/** For sorting: a year, year-month or full date, as precise as the article allows. */
			sortKey: z
				.string()
				.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'sortKey is YYYY, YYYY-MM or YYYY-MM-DD'),
			/** The date as the article gives it, in words ("2004", "a Friday in May 2017 (inferred)"). */
			when: text,
			event: text,
			source,
			quote: text,
			modules
		})
	)
});

export const actorsFile = z.strictObject({
	actors: z.array(
		z.strictObject({
			id,
			name: text,
			/** Other names the articles use. */
			aliases: z.array(text).default([]),
			kind: z.enum(['group', 'person', 'organisation', 'place']),
			/** What each article says of it, in our words, with a short quote. */
			says: z.array(z.strictObject({ source, text, quote: text })).min(1),
			modules
		})
	)
});

const stance = z.strictObject({ position: text, arguedBy: text, source, quote: text });

export const positionsFile = z.strictObject({
	positions: z.array(z.strictObject({ id, topic: text, ...stance.shape, counter: stance }))
});

export type TimelineEvent = z.output<typeof timelineFile>['events'][number];
export type Actor = z.output<typeof actorsFile>['actors'][number];
export type Position = z.output<typeof positionsFile>['positions'][number];

export const referenceFiles = {
	'timeline.yaml': timelineFile,
	'actors.yaml': actorsFile,
	'positions.yaml': positionsFile
} as const;

export type TimelineFile = z.output<typeof timelineFile>;
export type ActorsFile = z.output<typeof actorsFile>;
export type PositionsFile = z.output<typeof positionsFile>;
