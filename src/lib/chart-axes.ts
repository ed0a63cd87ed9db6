/**
 * The y axis of a chart of counts: whole steps of 1, 2 or 5 times a power of ten, at most five
 * ticks from 0 up to the first tick at or above `max`.
 */
export function countTicks(max: number): number[] {
	const rough = Math.max(max, 1) / 4;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = Math.max(
		1,
		[1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!
	);
	const top = Math.max(step, Math.ceil(max / step) * step);
	return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

// The same words on the server and in every browser ("3 Nov"), so the page reads the same
// wherever it is rendered; the dates are UTC days.
const dayMonth = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	timeZone: 'UTC'
});
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});

/** A UTC day ("2025-11-03", or a full timestamp) as "3 Nov", or "3 Nov 2025" with the year. */
export const shortDate = (iso: string, withYear = false) =>
	(withYear ? dayMonthYear : dayMonth).format(
		new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)
	);
