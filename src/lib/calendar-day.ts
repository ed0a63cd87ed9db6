// A fixed language and time zone, so the server's page and the hydrated one say the same day.
const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "3 June 2025", for dates where the day is enough (when a class was joined). */
export function calendarDay(date: Date): string {
	return format.format(date);
}
