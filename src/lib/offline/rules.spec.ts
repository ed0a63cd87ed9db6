import { describe, expect, it } from 'vitest';
import { isKeptPage, OFFLINE_REVIEW_PAGE, queuesWhenOffline, REFERENCE_PAGES } from './rules';

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

describe('queuesWhenOffline', () => {
	const at = (path: string) => new URL(path, 'http://localhost');

	it('queues reading checkpoints, review answers and a quiz attempt’s answers', () => {
		expect(queuesWhenOffline(at('/api/progress'))).toBe(true);
		expect(queuesWhenOffline(at('/api/review/sync'))).toBe(true);
		expect(queuesWhenOffline(at('/learn/franchise-model/local-allies/quiz/12?/answer'))).toBe(true);
		expect(queuesWhenOffline(at('/learn/franchise-model/local-allies/quiz/12?q=3&/answer'))).toBe(
			true
		);
	});

	it('never queues a submission, a start, or anything else', () => {
		for (const path of [
			'/learn/franchise-model/local-allies/quiz/12?/submit',
			'/learn/franchise-model/local-allies/quiz/12?q=3&/submit',
			'/learn/franchise-model/local-allies/quiz?/start',
			'/learn/franchise-model/local-allies?/complete',
			'/review?/answer',
			'/sign-out',
			'/api/progress/extra'
		])
			expect(queuesWhenOffline(at(path)), path).toBe(false);
	});
});
