// Errors a page threw and nothing caught (the learner is left with a broken page) and errors
// logged to the console (a Content-Security-Policy refusal, say), from every browser the test
// file opened. Failed loads are left out: Chromium logs every 4xx answer and refused request as
// one, tests provoke those on purpose, and the test that asks for a page judges its status.
// Kept apart from the browser helper so the setup file that checks them loads no browser code.
export const browserErrors: string[] = [];

/** Run after every test (tests/setup/browser-errors.ts), so every browser test fails on them. */
export function failOnBrowserErrors(): void {
	const errors = browserErrors.splice(0);
	if (errors.length > 0) throw new Error(`Errors in the browser:\n${errors.join('\n')}`);
}
