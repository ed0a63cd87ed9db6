import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/quiz-schema';
import { grade } from '../../src/lib/quiz/grading';
import { courseQuestions, normaliseSpacing } from '../helpers/course-content';

// Every short-answer key, fed to the real grader: the article's own wording of the answer (which
// must stand in a passage the question cites), the usual ways of writing each accepted answer,
// and near misses, which must earn nothing.
interface Expectation {
	/** The answer as the cited article writes it, word for word. */
	article: string[];
	/** Other spellings and forms a learner may write, all worth full marks. */
	variants: string[];
	nearMisses: string[];
}

const expected: Record<string, Expectation> = {
	'00-reading-the-sources/01-five-articles/only-named-outlet': {
		article: ['Dawn'],
		variants: ['Dawn newspaper', 'The Dawn', 'DAWN', 'the Dawn newspaper'],
		nearMisses: ['Dawn News', 'The Washington Post', 'Daw', 'Dawn (Washington Post)']
	},
	'00-reading-the-sources/02-fact-claim-opinion/crss-name': {
		article: ['Centre for Research and Security Studies'],
		variants: [
			'Centre for Research and Security Studies (CRSS)',
			'Center for Research & Security Studies',
			'The Centre for Research and Security Studies',
			'CRSS (Centre for Research and Security Studies)',
			'C.R.S.S.'
		],
		nearMisses: [
			'Center for Strategic and International Studies',
			'CSIS',
			'Centre for Research and Security Studies (CSIS)',
			'CRSS (Atlantic Council)',
			'Centre for Security Studies'
		]
	},
	'01-franchise-model/01-local-allies/local-ally-group': {
		article: ['Lashkar-i-Jhangvi (LJ)', 'Lashkar-i-Jhangvi'],
		variants: [
			'Lashkar-e-Jhangvi (LeJ)',
			'Lashkar e Jhangvi',
			'lashkar-i-jangvi',
			'LJ (Lashkar-i-Jhangvi)',
			'the Lashkar-i-Jhangvi'
		],
		nearMisses: [
			'Lashkar-e-Taiba',
			'Lashkar',
			'TTP',
			'Lashkar-i-Jhangvi (TTP)',
			'Tehreek-e-Taliban Pakistan (LJ)'
		]
	},
	'01-franchise-model/02-claims-and-propaganda/online-propaganda-recruits': {
		article: ['its powerful online propaganda'],
		variants: ["IS' online propaganda", 'online-propaganda', 'Propaganda.'],
		nearMisses: ['military courts', 'madressahs', 'online', 'social media']
	},
	'01-franchise-model/03-reach-beyond-the-region/bajaur-spillover': {
		article: ['the Afghan Taliban'],
		variants: ['Afghan Taliban', 'The Taliban', "Afghanistan's Taliban", 'the Taliban regime'],
		nearMisses: ['TTP', 'Tehreek-e-Taliban Pakistan', 'Pakistani Taliban', 'Afghan', 'al-Qaeda']
	},
	'01-franchise-model/04-what-changed/constant-place': {
		article: ['Mastung', 'Mustung'],
		variants: ['Mastung district', 'Mastung District', 'Mustung region', 'MASTUNG'],
		nearMisses: ['Khuzdar', 'Quetta', 'Mustang', 'Mastung Quetta']
	},
	'02-mastung-networks/01-mastung-in-the-articles/nearby-city': {
		article: ['Quetta'],
		variants: ['Quetta city', 'quetta.'],
		nearMisses: ['Khuzdar', 'Karachi', 'Kalat', 'Quetta Karachi']
	},
	'02-mastung-networks/02-two-attacks/name-jui-f-chief': {
		article: ['Maulana Fazlur Rehman'],
		variants: [
			'Fazlur Rehman',
			'Fazl-ur-Rehman',
			'Fazl ur Rehman',
			'Fazlur Rahman',
			'Maulana Fazlur Rahman',
			'Fazal-ur-Rehman',
			'Maulana Fazal ur Rahman'
		],
		nearMisses: ['Haideri', 'Abdul Ghafoor Haideri', 'Fazlullah', 'Rehman', 'Maulana Fazlur']
	},
	'02-mastung-networks/04-links-back-to-2004/imambargah-word': {
		article: ['imambargah'],
		variants: [
			'an imambargah',
			'Imam Bargah',
			'imam-bargah',
			'imambargha',
			'imambara',
			'imambarah'
		],
		nearMisses: ['procession', 'Muharram procession', 'mosque', 'imam', 'shrine']
	},
	'03-policy-debates/01-national-action-plan-and-counterinsurgency/name-the-plan': {
		article: ['The National Action Plan', 'National Action Plan'],
		variants: [
			'National Action Plan (NAP)',
			'NAP',
			'NAP (National Action Plan)',
			'national action-plan'
		],
		nearMisses: [
			'national security policy',
			'counterinsurgency',
			'Action Plan',
			'National Action Plan (national security policy)'
		]
	},
	'03-policy-debates/02-denial-and-deals/state-of-denial-phrase': {
		article: ['a state of denial'],
		variants: ['state of denial', 'State of Denial.'],
		nearMisses: ['denial of state', 'state of shock', 'state']
	},
	'03-policy-debates/04-beyond-pakistan/qatar-meetings': {
		article: ['State of Qatar', 'Qatar'],
		variants: ['the State of Qatar', 'QATAR'],
		nearMisses: ['Afghanistan', 'Qatar Afghanistan', 'Iran']
	}
};

type Short = Extract<Question, { type: 'short' }>;
const shortQuestions = courseQuestions().flatMap(({ key, question }) =>
	question.type === 'short' ? [{ key, question: question as Short }] : []
);
const score = (question: Short, text: string) => grade(question, { type: 'short', text }).score;

/** The ways anyone writes an accepted answer: cased, quoted, stopped, with "the" or "&". */
const writtenForms = (text: string) => [
	text,
	text.toLowerCase(),
	text.toUpperCase(),
	/^the /i.test(text) ? text.slice(4) : `the ${text}`,
	`"${text}."`,
	`  ${text.replace(/ /g, '  ')} `,
	text.replace(/ and /g, ' & ')
];

describe('short-answer keys', () => {
	it('cover every short-answer question in the course, and only those', () => {
		expect(Object.keys(expected).sort()).toEqual(shortQuestions.map(({ key }) => key).sort());
	});

	describe.each(shortQuestions)('$key', ({ key, question }) => {
		const expectation = expected[key]!;

		it('takes its article wording from a passage it cites', () => {
			const cited = question.citations.map(({ quote }) => normaliseSpacing(quote));
			const uncited = expectation.article.filter(
				(wording) => !cited.some((quote) => quote.includes(wording))
			);
			expect(uncited).toEqual([]);
		});

		it("gives full marks to the article's wording, every accepted answer and their variants", () => {
			const accepted = question.answers
				.filter(({ credit }) => credit === 1)
				.map(({ text }) => text);
			const written = [...expectation.article, ...accepted, ...expectation.variants].flatMap(
				writtenForms
			);
			expect(written.filter((text) => score(question, text) !== 1)).toEqual([]);
		});

		it('gives nothing for its near misses', () => {
			expect(expectation.nearMisses.filter((text) => score(question, text) !== 0)).toEqual([]);
		});
	});
});
