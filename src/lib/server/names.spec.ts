import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePoint, displaySafe, nameField, refusedCharacter } from './names';

const field = nameField('Enter the name to show.');

const bidi = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200E',
	'\u200F',
	'\u061C'
];
const invisible = ['\u200B', '\uFEFF', '\u00AD', '\u2060', '\u3164', '\u034F'];
const controls = ['\u0000', '\u0007', '\t', '\n', '\r', '\u001B', '\u007F', '\u0085', '\u2028'];
const refused = [...bidi, ...invisible, ...controls];

// Names as people write them: accents, other scripts, joiners where the script needs them, emoji.
const legitimate = [
	'Ada Lovelace',
	'Zoë O’Brien-Ångström',
	'محمد علی',
	'فاطمہ\u200Cبی\u200Cبی', // Urdu with zero-width non-joiners between letters
	'ශ්\u200Dරී ලංකා', // Sinhala: virama, ZWJ, letter
	'李小龍',
	'Sam 👩🏽\u200D💻', // woman, skin tone, ZWJ, laptop
	'Love ❤\uFE0F', // heart with variation selector 16
	'Team 🏳\uFE0F\u200D🌈',
	'Cymru 🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}' // flag: tags, cancel tag
];

describe('the name rule', () => {
	it.each(refused.map((character) => [codePoint(character), character]))(
		'refuses %s anywhere in a name',
		(_, character) => {
			for (const name of [`${character}Ada`, `Ada${character}Lovelace`, `Ada${character}`])
				expect(refusedCharacter(name)).toBe(character);
		}
	);

	it.each(legitimate.map((name) => [name]))('accepts %s', (name) => {
		expect(refusedCharacter(name)).toBeUndefined();
		expect(field.parse(name)).toBe(name);
	});

	it('refuses joiners that join nothing: at an edge, beside a space, or doubled', () => {
		for (const name of ['\u200DAda', 'Ada\u200D', 'Ada \u200DL', 'Ada\u200C L', 'A\u200D\u200Db'])
			expect(refusedCharacter(name)).toMatch(/[\u200C\u200D]/);
	});

	it('refuses a variation selector with nothing before it', () => {
		expect(refusedCharacter('\uFE0FAda')).toBe('\uFE0F');
		expect(refusedCharacter('Ada \uFE0F')).toBe('\uFE0F');
	});

	it('trims, and names the refused character in its message', () => {
		expect(field.parse('  Ada Lovelace \n')).toBe('Ada Lovelace');
		const result = field.safeParse('\u202Eevil');
		expect(result.success).toBe(false);
		expect(result.error!.issues[0]!.message).toBe(
			'The name contains an invisible character (U+202E) that could disguise it. Please type it again without it.'
		);
		expect(field.safeParse('   ').error!.issues[0]!.message).toBe('Enter the name to show.');
	});

	it('accepts any name of letters, digits, punctuation and spaces', () => {
		const visible = fc.stringMatching(/^[\p{L}\p{N}\p{P}][\p{L}\p{N}\p{P} ]{0,30}$/u);
		fc.assert(fc.property(visible, (name) => refusedCharacter(name) === undefined));
	});
});

describe('displaySafe', () => {
	it('drops bidi and invisible characters, turns controls into spaces, and trims', () => {
		expect(displaySafe('\u202Eevil')).toBe('evil');
		expect(displaySafe('Ada\u200B\u2066 Lovelace\u2069')).toBe('Ada Lovelace');
		expect(displaySafe('Ada\nLovelace\u0000')).toBe('Ada Lovelace');
		expect(displaySafe('\u202E\u200B ')).toBe('(no name)');
	});

	it('drops a joiner left at the edge once its neighbour is dropped', () => {
		expect(displaySafe('\u3164\u200DAda')).toBe('Ada');
		expect(displaySafe('Ada \u3164\uFE0F')).toBe('Ada');
	});

	it('leaves names the rule accepts as they are', () => {
		for (const name of legitimate) expect(displaySafe(name)).toBe(name);
	});

	it('gives, for any string, a name the rule accepts, and is stable', () => {
		const anything = fc.string({ unit: 'binary', maxLength: 40 });
		const mixed = fc
			.array(
				fc.oneof(
					fc.constantFrom(...refused, '\u200C', '\u200D', '\uFE0F', ' ', '\u{1F3F4}', '\u{E0067}'),
					fc.string({ unit: 'grapheme', maxLength: 3 })
				),
				{ maxLength: 20 }
			)
			.map((parts) => parts.join(''));
		fc.assert(
			fc.property(fc.oneof(anything, mixed), (name) => {
				const shown = displaySafe(name);
				expect(refusedCharacter(shown)).toBeUndefined();
				expect(shown).toBe(shown.trim());
				expect(displaySafe(shown)).toBe(shown);
			}),
			{ numRuns: 2000 }
		);
	});
});
