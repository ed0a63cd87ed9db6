import { describe, expect, it } from 'vitest';
import { isKeptPage, REFERENCE_PAGES } from './rules';

describe('isKeptPage', () => {
	it('keeps the course, modules, lessons and reference pages', () => {
		for (const path of [
			'/',
			'/learn/franchise-model',
			'/learn/franchise-model/local-allies',
			...REFERENCE_PAGES
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
