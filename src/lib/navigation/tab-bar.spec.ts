import { describe, expect, it } from 'vitest';
import { currentIn, showsTabBar } from './tab-bar';

describe('showsTabBar', () => {
	it('leaves the tab bar off a quiz attempt only', () => {
		expect(showsTabBar('/learn/[module]/[lesson]/quiz/[attempt]')).toBe(false);
		expect(showsTabBar('/learn/[module]/[lesson]/quiz')).toBe(true);
		expect(showsTabBar('/learn/[module]/[lesson]')).toBe(true);
		// A page that matched no route (a 404) keeps the way back.
		expect(showsTabBar(null)).toBe(true);
	});
});

describe('currentIn', () => {
	it('calls the link to the page itself the current page', () => {
		expect(currentIn('/review', '/review')).toBe('page');
		expect(currentIn('/', '/', '/learn')).toBe('page');
	});

	it('marks the link of the section a page is in', () => {
		expect(currentIn('/learn/franchise-model', '/', '/learn')).toBe('true');
		expect(currentIn('/teach/classes/3', '/teach')).toBe('true');
	});

	it('does not take a longer name for a page in the section', () => {
		expect(currentIn('/teacher', '/teach')).toBeUndefined();
		expect(currentIn('/learning', '/', '/learn')).toBeUndefined();
		expect(currentIn('/sources', '/', '/learn')).toBeUndefined();
	});
});
