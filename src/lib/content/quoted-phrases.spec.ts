import { describe, expect, it } from 'vitest';
import { quotedPhrases } from './quoted-phrases.ts';

describe('quotedPhrases', () => {
	it('finds words in single or double quotation marks, straight or curly', () => {
		expect(quotedPhrases(`It says 'have paid dearly' and "missing in action".`)).toEqual([
			'missing in action',
			'have paid dearly'
		]);
		expect(quotedPhrases('It says ‘have paid dearly’ and “missing in action”.')).toEqual([
			'missing in action',
			'have paid dearly'
		]);
	});

	it('takes apostrophes inside and at the end of words for what they are', () => {
		expect(quotedPhrases("the group's website, the groups' leaders and Pakistan’s gambit")).toEqual(
			[]
		);
		expect(quotedPhrases("'the group’s apparent involvement' (002)")).toEqual([
			'the group’s apparent involvement'
		]);
		expect(quotedPhrases("Militant groups' 'motivation to kill is very much their own'")).toEqual([
			'motivation to kill is very much their own'
		]);
	});

	it('keeps the punctuation the quotation marks enclose', () => {
		expect(
			quotedPhrases("'Pakistan must immediately review its national security policy.' What")
		).toEqual(['Pakistan must immediately review its national security policy.']);
		expect(quotedPhrases("True or false: 'He was wrong.', near the end")).toEqual([
			'He was wrong.'
		]);
	});

	it('finds quotations nested in others', () => {
		expect(quotedPhrases(`"the 'foreign hand' narrative"`)).toEqual([
			"the 'foreign hand' narrative",
			'foreign hand'
		]);
	});

	it('checks the words either side of an ellipsis or an insertion separately', () => {
		expect(quotedPhrases("'We, however, are still in a ... about the looming threat.'")).toEqual([
			'We, however, are still in a',
			'about the looming threat.'
		]);
		expect(quotedPhrases("'it [the group] has found allies…among Sunni groups'")).toEqual([
			'it',
			'has found allies',
			'among Sunni groups'
		]);
	});

	it('ignores quotation marks around nothing', () => {
		expect(quotedPhrases(`a ' stray mark, '...' and "" here`)).toEqual([]);
	});
});
