import { describe, expect, it } from 'vitest';
import { normaliseShortAnswer, parseNumber, shortAnswerHalves } from './normalise';

describe('normaliseShortAnswer', () => {
	it('ignores case', () => {
		expect(normaliseShortAnswer('MASTUNG')).toBe('mastung');
	});

	it('ignores spaces, tabs and line breaks, inside and around the answer', () => {
		expect(normaliseShortAnswer('  Islamic \t State\n')).toBe('islamicstate');
	});

	it('ignores punctuation and symbols', () => {
		expect(normaliseShortAnswer('I.S.-K.P.!?')).toBe('iskp');
		expect(normaliseShortAnswer('"Quetta"')).toBe('quetta');
	});

	it('treats curly and straight apostrophes alike', () => {
		expect(normaliseShortAnswer('Lashkar‘e’Jhangvi')).toBe(
			normaliseShortAnswer("Lashkar'e'Jhangvi")
		);
		expect(normaliseShortAnswer('Pakistan’s')).toBe('pakistans');
	});

	it('folds full-width letters to plain ones', () => {
		expect(normaliseShortAnswer('ｍａｓｔｕｎｇ')).toBe('mastung');
		expect(normaliseShortAnswer('ＭＡＳＴＵＮＧ')).toBe('mastung');
	});

	it('folds ligatures to their letters', () => {
		expect(normaliseShortAnswer('ﬁle')).toBe('file');
	});

	it('drops accents, whether precomposed or combining', () => {
		expect(normaliseShortAnswer('Balóchistán')).toBe('balochistan');
		expect(normaliseShortAnswer('Balo\u0301chista\u0301n')).toBe('balochistan');
	});

	it('drops invisible format characters such as the zero-width space', () => {
		expect(normaliseShortAnswer('Mas\u200btung')).toBe('mastung');
		expect(normaliseShortAnswer('\ufeffMastung\u200d')).toBe('mastung');
	});

	it('keeps a Cyrillic look-alike letter different from the Latin one', () => {
		// "а" below is U+0430 CYRILLIC SMALL LETTER A.
		expect(normaliseShortAnswer('m\u0430stung')).not.toBe('mastung');
	});

	it('keeps digits', () => {
		expect(normaliseShortAnswer('9/11')).toBe('911');
	});

	it('reduces an answer made only of punctuation to the empty string', () => {
		expect(normaliseShortAnswer('!!!')).toBe('');
		expect(normaliseShortAnswer(' ... ')).toBe('');
	});

	it('ignores a leading "the", whatever its case and the punctuation before it', () => {
		expect(normaliseShortAnswer('the Afghan Taliban')).toBe('afghantaliban');
		expect(normaliseShortAnswer('THE Afghan Taliban')).toBe('afghantaliban');
		expect(normaliseShortAnswer('"The National Action Plan"')).toBe('nationalactionplan');
	});

	it('keeps "the" where it is not a leading word of its own', () => {
		expect(normaliseShortAnswer('Theodore')).toBe('theodore');
		expect(normaliseShortAnswer('Taliban, the')).toBe('talibanthe');
		expect(normaliseShortAnswer('Centre for the Study')).toBe('centreforthestudy');
		expect(normaliseShortAnswer('the')).toBe('');
	});

	it('reads "&" as "and"', () => {
		expect(normaliseShortAnswer('Centre for Research & Security Studies')).toBe(
			normaliseShortAnswer('Centre for Research and Security Studies')
		);
		expect(normaliseShortAnswer('Research&Security')).toBe('researchandsecurity');
		expect(normaliseShortAnswer('Research ＆ Security')).toBe('researchandsecurity');
	});
});

describe('shortAnswerHalves', () => {
	it('splits "name (abbreviation)" and "abbreviation (name)"', () => {
		expect(shortAnswerHalves('Lashkar-i-Jhangvi (LJ)')).toEqual(['Lashkar-i-Jhangvi ', 'LJ']);
		expect(shortAnswerHalves(' NAP (National Action Plan). ')).toEqual([
			'NAP ',
			'National Action Plan'
		]);
	});

	it.each([
		['no brackets', 'Lashkar-i-Jhangvi'],
		['words after the brackets', 'LJ (Lashkar) Jhangvi'],
		['two bracketed parts', 'A (B) (C)'],
		['nested brackets', 'A (B (C))'],
		['an empty half', '(LJ)'],
		['a half of punctuation only', 'LJ (?)']
	])('gives nothing for %s', (_, text) => {
		expect(shortAnswerHalves(text)).toBeNull();
	});
});

describe('parseNumber', () => {
	it('reads plain integers and decimals', () => {
		expect(parseNumber('42')).toBe(42);
		expect(parseNumber('3.5')).toBe(3.5);
		expect(parseNumber('0.25')).toBe(0.25);
	});

	it('reads a decimal written without a leading or trailing digit', () => {
		expect(parseNumber('.5')).toBe(0.5);
		expect(parseNumber('5.')).toBe(5);
	});

	it('reads negative numbers with a hyphen or a Unicode minus sign', () => {
		expect(parseNumber('-5')).toBe(-5);
		expect(parseNumber('\u22125')).toBe(-5);
	});

	it('reads a leading plus sign', () => {
		expect(parseNumber('+3')).toBe(3);
	});

	it('reads exponents in either case', () => {
		expect(parseNumber('1e3')).toBe(1000);
		expect(parseNumber('1E3')).toBe(1000);
		expect(parseNumber('2.5e-2')).toBe(0.025);
	});

	it('reads thousands commas', () => {
		expect(parseNumber('1,100')).toBe(1100);
		expect(parseNumber('12,345,678')).toBe(12345678);
		expect(parseNumber('-1,100.5')).toBe(-1100.5);
		expect(parseNumber('\u22121,100')).toBe(-1100);
	});

	it('ignores spaces around and inside the number', () => {
		expect(parseNumber('  17  ')).toBe(17);
		expect(parseNumber('1 100')).toBe(1100);
		expect(parseNumber('- 5')).toBe(-5);
	});

	it('reads huge numbers exactly as JavaScript does', () => {
		expect(parseNumber('1e20')).toBe(1e20);
		expect(parseNumber('100000000000000000000')).toBe(1e20);
	});

	it.each([
		['an empty string', ''],
		['only spaces', '   '],
		['NaN', 'NaN'],
		['Infinity', 'Infinity'],
		['-Infinity', '-Infinity'],
		['an exponent that overflows', '1e400'],
		['a number followed by letters', '12abc'],
		['hexadecimal', '0x10'],
		['a comma that is not a thousands separator', '1,00'],
		['a decimal comma', '3,5'],
		['a thousands group of four digits', '1,0000'],
		['two decimal points', '1.2.3'],
		['a lone sign', '-'],
		['a lone point', '.'],
		['two signs', '+-3'],
		['a fraction', '1/2'],
		['a word', 'five']
	])('refuses %s', (_, text) => {
		expect(parseNumber(text)).toBeNull();
	});

	// "0,100" is no thousands grouping (no one writes a leading zero before a separator); a learner
	// typing it most likely means 0.1 with a decimal comma, so it is refused like "1,00".
	it('refuses a comma after a leading zero, which cannot be a thousands separator', () => {
		expect(parseNumber('0,100')).toBeNull();
		expect(parseNumber('-0,100')).toBeNull();
		expect(parseNumber('00,100')).toBeNull();
	});
});
