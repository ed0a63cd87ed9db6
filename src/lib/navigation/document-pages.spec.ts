import { describe, expect, it } from 'vitest';
import { isDocumentPage } from './document-pages';

describe('isDocumentPage', () => {
	it('is true for a lesson only', () => {
		expect(isDocumentPage('/learn/[module]/[lesson]')).toBe(true);
		expect(isDocumentPage('/learn/[module]')).toBe(false);
		expect(isDocumentPage('/learn/[module]/[lesson]/quiz')).toBe(false);
		expect(isDocumentPage(null)).toBe(false);
		expect(isDocumentPage(undefined)).toBe(false);
	});
});
