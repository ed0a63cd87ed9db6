import { describe, expect, it } from 'vitest';
import { masteryLevel, type ModuleEvidence } from './mastery';

const evidence = (overrides: Partial<ModuleEvidence> = {}): ModuleEvidence => ({
	quizGrades: [1, 1, 1],
	answeredAny: true,
	cards: { total: 10, reviewedRight: 10, lapsed: 0 },
	...overrides
});

describe('masteryLevel', () => {
	it('is "not started" before anything in the module is answered', () => {
		expect(masteryLevel(evidence({ answeredAny: false, quizGrades: [null, null] }))).toBe(
			'not started'
		);
	});

	it('is "attempted" below a 70 % module score, with unsubmitted quizzes counting 0', () => {
		expect(masteryLevel(evidence({ quizGrades: [0.99, 0.99, null] }))).toBe('attempted'); // 0.66
		expect(masteryLevel(evidence({ quizGrades: [0.69, 0.69, 0.69] }))).toBe('attempted');
	});

	it('is "familiar" from exactly 70 %', () => {
		expect(masteryLevel(evidence({ quizGrades: [0.7, 0.7, 0.7] }))).toBe('familiar');
		expect(masteryLevel(evidence({ quizGrades: [0.89, 0.89, 0.89] }))).toBe('familiar');
	});

	it('is "proficient" from 90 % with every quiz submitted, but not with one missing', () => {
		expect(
			masteryLevel(
				evidence({ quizGrades: [0.9, 0.9, 0.9], cards: { total: 10, reviewedRight: 7, lapsed: 0 } })
			)
		).toBe('proficient');
		expect(masteryLevel(evidence({ quizGrades: [1, 1, 1, null] }))).toBe('familiar');
	});

	it('is "mastered" once 80 % of the cards have been reviewed right and none has lapsed', () => {
		expect(masteryLevel(evidence({ cards: { total: 10, reviewedRight: 8, lapsed: 0 } }))).toBe(
			'mastered'
		);
		expect(masteryLevel(evidence({ cards: { total: 10, reviewedRight: 7, lapsed: 0 } }))).toBe(
			'proficient'
		);
	});

	it('drops from mastered to proficient when a review lapses', () => {
		expect(masteryLevel(evidence({ cards: { total: 10, reviewedRight: 10, lapsed: 1 } }))).toBe(
			'proficient'
		);
	});

	it('drops to familiar when a fifth of the cards have lapsed', () => {
		expect(masteryLevel(evidence({ cards: { total: 10, reviewedRight: 10, lapsed: 2 } }))).toBe(
			'familiar'
		);
		expect(
			masteryLevel(
				evidence({ quizGrades: [0.5, 0.5, 0.5], cards: { total: 10, reviewedRight: 0, lapsed: 5 } })
			)
		).toBe('attempted');
	});
});
