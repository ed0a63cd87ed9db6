import { describe, expect, it } from 'vitest';
import { isKeptPage, OFFLINE_REVIEW_PAGE, REFERENCE_PAGES } from './rules';

describe('isKeptPage', () => {
	it('keeps the course, modules, lessons, reference pages and the offline review', () => {
		for (const path of [
			'/',
			'/learn/franchise-model',
			'/learn/franchise-model/local-allies',
			...REFERENCE_PAGES,
			OFFLINE_REVIEW_PAGE
		])
			expect(isKeptPage(path), path).toBe(true);
	});

	it('never keeps quiz attempts, progress, review, account, teaching, data or exports', () => {
		for (const path of [
			'/learn/franchise-model/local-allies/quiz',
			'/learn/franchise-model/local-allies/quiz/12',
			'/learn/franchise-model/local-allies/__data.json',
			'/learn/__data.json',
			'/dashboard',
			'/review',
			'/review/offline/x',
			'/review/__data.json',
			'/review/offline/__data.json',
			'/account',
			'/account/export.json',
			'/account/export/answers',
			'/teach',
			'/teach/classes/3',
			'/api/progress',
			'/sign-in',
			'/offline',
			'/learn/Franchise-Model/x/../../dashboard'
		])
			expect(isKeptPage(path), path).toBe(false);
	});
});
