/**
 * Dates in lessons/timeline.yaml, as precise as the articles allow and no more:
 * - '2017', '2017-05' or '2017-05-12': some time in that year, month or day;
 * - { about: '2001' }: a year the articles give only roughly ("some 15 years ago"), taken as
 *   that year or the one either side;
 * - { after: '2022' } or { after: '2016-08', before: '2017' }: only bounds are known. `before`
 *   is a year, so a range never ends part-way through a year whose months are ordered.
 */
export type EventDate = string | { about: string } | { after: string; before?: string };

/** First and last day the date may mean, as YYYY-MM-DD; an open end is OPEN_END. */
export interface DateRange {
	start: string;
	end: string;
}

export const OPEN_END = '9999-12-31';

const day = (date: Date) => date.toISOString().slice(0, 10);
const shiftDay = (iso: string, by: number) => {
	const date = new Date(`${iso}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + by);
	return day(date);
};

function periodStart(period: string): string {
	return period.length === 4 ? `${period}-01-01` : period.length === 7 ? `${period}-01` : period;
}

function periodEnd(period: string): string {
	if (period.length === 4) return `${period}-12-31`;
	if (period.length === 10) return period;
	const [year, month] = period.split('-').map(Number) as [number, number];
	return day(new Date(Date.UTC(year, month, 0)));
}

export function dateRange(date: EventDate): DateRange {
	if (typeof date === 'string') return { start: periodStart(date), end: periodEnd(date) };
	if ('about' in date) {
		const year = Number(date.about);
		return { start: `${year - 1}-01-01`, end: `${year + 1}-12-31` };
	}
	return {
		start: shiftDay(periodEnd(date.after), 1),
		end: date.before ? shiftDay(periodStart(date.before), -1) : OPEN_END
	};
}

/** Whatever may be true of `a`, it is over before `b` can have begun. */
export const certainlyBefore = (a: DateRange, b: DateRange) => a.end < b.start;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

function describePeriod(period: string): string {
	if (period.length === 4) return period;
	const [year, month, dayOfMonth] = period.split('-');
	const monthYear = `${MONTHS[Number(month) - 1]} ${year}`;
	return dayOfMonth ? `${Number(dayOfMonth)} ${monthYear}` : monthYear;
}

export interface TimelineSection<E> {
	key: string;
	/** A year, or for events that fit in no single year, their bounds in words. */
	label: string;
	kind: 'year' | 'band';
	/** Events dated to a month or a day, in order. */
	ordered: E[];
	/** Events that cannot be ordered among the others: a year without a month, or a band. */
	unordered: E[];
}

/**
 * Groups timeline events so that the page claims no order the articles do not support. Events
 * known to a month or a day are ordered within their year; an event known only to a year (or to
 * part of one) is listed in its year apart from them; an event that fits in no single year
 * ("after 2022", "about 2001") gets a band of its own, placed after every event it cannot be
 * shown to precede. Earlier sections end before later ones begin, except that a band may
 * overlap what is above it (tests/helpers/timeline-claims.ts states the rules).
 */
export function timelineSections<E extends { date: EventDate }>(
	events: readonly E[]
): TimelineSection<E>[] {
	const rangeOf = new Map(events.map((event) => [event, dateRange(event.date)]));
	const range = (event: E) => rangeOf.get(event)!;
	const years = new Map<string, TimelineSection<E>>();
	const bands = new Map<string, TimelineSection<E>>();

	for (const event of events) {
		const { start, end } = range(event);
		const year = start.slice(0, 4);
		if (year !== end.slice(0, 4)) {
			const key = JSON.stringify(event.date);
			if (!bands.has(key))
				bands.set(key, {
					key,
					label: bandLabel(event.date),
					kind: 'band',
					ordered: [],
					unordered: []
				});
			bands.get(key)!.unordered.push(event);
			continue;
		}
		if (!years.has(year))
			years.set(year, { key: year, label: year, kind: 'year', ordered: [], unordered: [] });
		const section = years.get(year)!;
		if (start.slice(0, 7) === end.slice(0, 7)) section.ordered.push(event);
		else section.unordered.push(event);
	}

	const byRange = (a: E, b: E) =>
		range(a).start.localeCompare(range(b).start) || range(a).end.localeCompare(range(b).end);
	const yearSections = [...years.values()].sort((a, b) => a.key.localeCompare(b.key));
	for (const section of yearSections) section.ordered.sort(byRange);

	// A band goes after the last year holding anything it may not come before; bands sharing a
	// place go in order of their earliest date. Only years count: a band says nothing of what
	// is above it, so it need not follow another band.
	const placeOf = (band: TimelineSection<E>) =>
		yearSections.findLastIndex((section) =>
			[...section.ordered, ...section.unordered].some(
				(event) => !certainlyBefore(range(band.unordered[0]!), range(event))
			)
		);
	const placed = [...bands.values()]
		.map((band) => ({ band, place: placeOf(band) }))
		.sort((a, b) => a.place - b.place || byRange(a.band.unordered[0]!, b.band.unordered[0]!));
	return [-1, ...yearSections.keys()].flatMap((index) => [
		...(index >= 0 ? [yearSections[index]!] : []),
		...placed.filter(({ place }) => place === index).map(({ band }) => band)
	]);
}

function bandLabel(date: EventDate): string {
	if (typeof date === 'string') return date;
	if ('about' in date) return `About ${date.about}, year not given exactly`;
	if (!date.before) return `After ${describePeriod(date.after)}, date not given`;
	return `Between ${describePeriod(date.after)} and ${date.before}, date not given`;
}
