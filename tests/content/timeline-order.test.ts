import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { timelineFile } from '../../src/lib/content/reference-schema';
import {
	dateRange,
	OPEN_END,
	timelineSections,
	type EventDate,
	type TimelineSection
} from '../../src/lib/content/timeline-dates';
import { projectRoot } from '../helpers/server';
import { orderProblems, type ShownEvent } from '../helpers/timeline-claims';

const events = timelineFile.parse(
	parse(readFileSync(join(projectRoot, 'lessons', 'timeline.yaml'), 'utf8'))
).events;

/** The sections as the Timeline component lays them out, in reading order. */
function shown(sections: TimelineSection<{ id: string }>[]): ShownEvent[] {
	return sections.flatMap((section, index) =>
		(['ordered', 'unordered'] as const).flatMap((list) =>
			section[list].map(({ id }) => ({
				id,
				section: index,
				sectionKey: section.key,
				kind: section.kind,
				list
			}))
		)
	);
}

describe('timeline dates', () => {
	it.each([
		['2016', '2016-01-01', '2016-12-31'],
		['2024-02', '2024-02-01', '2024-02-29'],
		['2017-05-12', '2017-05-12', '2017-05-12'],
		[{ about: '2001' }, '2000-01-01', '2002-12-31'],
		[{ after: '2022' }, '2023-01-01', OPEN_END],
		[{ after: '2016-08', before: '2017' }, '2016-09-01', '2016-12-31']
	] as [EventDate, string, string][])('%j runs from %s to %s', (date, start, end) => {
		expect(dateRange(date)).toEqual({ start, end });
	});
});

describe('the timeline order', () => {
	const period = fc.oneof(
		fc.integer({ min: 2000, max: 2006 }).map(String),
		fc
			.record({
				year: fc.integer({ min: 2000, max: 2006 }),
				month: fc.integer({ min: 1, max: 12 })
			})
			.map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`),
		fc
			.date({ min: new Date('2000-01-01'), max: new Date('2006-12-31'), noInvalidDate: true })
			.map((date) => date.toISOString().slice(0, 10))
	);
	const eventDate: fc.Arbitrary<EventDate> = fc.oneof(
		period,
		fc.integer({ min: 2000, max: 2006 }).map((year) => ({ about: String(year) })),
		period.map((after) => ({ after })),
		fc
			.record({ after: period, years: fc.integer({ min: 1, max: 4 }) })
			.map(({ after, years }) => ({ after, before: String(Number(after.slice(0, 4)) + years) }))
			.filter((date) => dateRange(date).start <= dateRange(date).end)
	);

	it('never claims an order the dates do not support, whatever the dates', () => {
		fc.assert(
			fc.property(fc.array(eventDate, { maxLength: 14 }), (dates) => {
				const generated = dates.map((date, i) => ({ id: `e${i}`, date }));
				const ranges = new Map(generated.map((event) => [event.id, dateRange(event.date)]));
				const order = shown(timelineSections(generated));
				expect(order.map(({ id }) => id).sort()).toEqual(generated.map(({ id }) => id).sort());
				expect(orderProblems(order, (id) => ranges.get(id)!)).toEqual([]);
			}),
			{ numRuns: 500 }
		);
	});

	it.each([undefined, 0, 1, 2, 3])(
		'lays out the course timeline honestly (module %s)',
		(module) => {
			const chosen = events.filter(
				(event) => module === undefined || event.modules.includes(module)
			);
			const ranges = new Map(chosen.map((event) => [event.id, dateRange(event.date)]));
			expect(orderProblems(shown(timelineSections(chosen)), (id) => ranges.get(id)!)).toEqual([]);
		}
	);
});
