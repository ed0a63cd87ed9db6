import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { certainlyBefore, type DateRange } from '../../src/lib/content/timeline-dates';

/** One event as a timeline shows it, in reading order. */
export interface ShownEvent {
	id: string;
	/** Index of its section on the page, and the section's key (a year, or a band's date). */
	section: number;
	sectionKey: string;
	kind: 'year' | 'band';
	list: 'ordered' | 'unordered';
}

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** The events of every timeline on a page, from its data-section/-list/-event attributes. */
export function shownEvents(html: string): ShownEvent[] {
	const shown: ShownEvent[] = [];
	let section = -1;
	let sectionKey = '';
	let kind: ShownEvent['kind'] = 'year';
	let list: ShownEvent['list'] = 'ordered';
	const walk = (node: Node) => {
		const attrs = new Map('attrs' in node ? node.attrs.map((a) => [a.name, a.value]) : []);
		if (attrs.has('data-section')) {
			section += 1;
			sectionKey = attrs.get('data-section')!;
			kind = attrs.get('data-kind') as ShownEvent['kind'];
		}
		if (attrs.has('data-list')) list = attrs.get('data-list') as ShownEvent['list'];
		if (attrs.has('data-event'))
			shown.push({ id: attrs.get('data-event')!, section, sectionKey, kind, list });
		const children =
			'content' in node ? node.content.childNodes : (node as { childNodes?: Node[] }).childNodes;
		for (const child of children ?? []) walk(child);
	};
	walk(parse(html));
	return shown;
}

/**
 * Whether the page presents `a` (shown first) as happening before `b`: a later year does, a
 * band placed above an event does, and so does an ordered list; a year's "month not given"
 * list and a band (about what is above it) claim nothing.
 */
export function claimsOrder(a: ShownEvent, b: ShownEvent): boolean {
	if (a.section === b.section) return a.list === b.list && a.list === 'ordered';
	return b.kind !== 'band';
}

/** `a` ends no later in the month than `b` begins: what an ordered list within a year needs. */
const notAfterByMonth = (a: DateRange, b: DateRange) => a.end.slice(0, 7) <= b.start.slice(0, 7);

/**
 * Every way the order shown contradicts the dates: an event shown after one it certainly
 * precedes, an order the page claims that the dates do not support, or an event under a year
 * it cannot fall in.
 */
export function orderProblems(shown: ShownEvent[], rangeOf: (id: string) => DateRange): string[] {
	const problems: string[] = [];
	for (const [i, a] of shown.entries()) {
		const ra = rangeOf(a.id);
		if (
			a.kind === 'year' &&
			(ra.end < `${a.sectionKey}-01-01` || ra.start > `${a.sectionKey}-12-31`)
		)
			problems.push(`${a.id} is shown under ${a.sectionKey} but cannot fall in that year`);
		for (const b of shown.slice(i + 1)) {
			const rb = rangeOf(b.id);
			if (certainlyBefore(rb, ra))
				problems.push(`${b.id} is shown after ${a.id}, which it precedes`);
			else if (!claimsOrder(a, b)) continue;
			else if (a.section === b.section && !notAfterByMonth(ra, rb))
				problems.push(`${a.id} is listed before ${b.id} but may not precede it`);
			else if (a.section !== b.section && !certainlyBefore(ra, rb))
				problems.push(`${a.id} is shown above ${b.id} but cannot be shown to precede it`);
		}
	}
	return problems;
}
