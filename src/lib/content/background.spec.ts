import { describe, expect, it } from 'vitest';
import { backgroundFor } from './background';

const terms = [
	{ id: 'rabiul-awwal', term: 'Rabiul Awwal', gloss: 'A month.', match: ['Rabiul Awwal'] },
	{ id: 'shia-sunni', term: 'Shia, Sunni', gloss: 'Branches.', match: ['Shia', 'Shias', 'Sunni'] },
	{ id: '9-11', term: '9/11', gloss: 'The attacks.', match: ['9/11'] }
];

describe('backgroundFor', () => {
	it('lists the terms the text uses, in the list’s order', () => {
		const text = 'After 9/11, a Rabiul Awwal procession; attacks on Shias.';
		expect(backgroundFor(text, terms).map((t) => t.id)).toEqual([
			'rabiul-awwal',
			'shia-sunni',
			'9-11'
		]);
	});

	it('matches whole words only, as written', () => {
		expect(backgroundFor('Shiaism', terms)).toEqual([]);
		expect(backgroundFor('shia', terms)).toEqual([]);
		expect(backgroundFor('19/11/2001', terms)).toEqual([]);
		expect(backgroundFor('(Sunni)', terms).map((t) => t.id)).toEqual(['shia-sunni']);
	});
});
