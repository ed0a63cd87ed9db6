import Papa from 'papaparse';
import { parse, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Browser } from '../helpers/browser';
import { newAccount, Visitor } from '../helpers/client';
import { createClass, signUp, type CreatedClass, type Person } from '../helpers/people';
import { answerFields, sampleQuiz, startAttempt } from '../helpers/quiz';
import { startServer, type TestServer } from '../helpers/server';

// Each payload would run a script if it reached the page as markup: an alert (a `dialog` in the
// browser) or a mark on `window`. Names are at most 80 characters, as the sign-up form allows.
const NAMES = [
	'<script>window.__pwned=1;alert(1)</script>',
	'"><img src=x onerror="window.__pwned=2;alert(2)">',
	'javascript:alert(3) {@html "<b>bold</b>"}'
] as const;
const CLASS_NAME = '</title><script>window.__pwned=4;alert(4)</script>';
const TYPED = [
	'<img src=x onerror=window.__pwned=5>',
	'</textarea><script>window.__pwned=6</script>',
	"<svg onload=window.__pwned=7> {@html '<i>x</i>'}"
] as const;
// Searching for a name echoes it in the search field and finds its student.
const SEARCH = NAMES[1];
const JOIN_CODE = '"><script>alert(8)</script>';
const PAYLOADS = [...NAMES, CLASS_NAME, ...TYPED, JOIN_CODE];

const SHORT = sampleQuiz.questions.find((question) => question.type === 'short')!;
const SINGLE = sampleQuiz.questions.find((question) => question.type === 'single')!;
const LESSON = 'franchise-model/local-allies';

let server: TestServer;
let teacher: Person;
let admin: Person;
let students: Person[];
let attempts: string[];
let klass: CreatedClass;

beforeAll(async () => {
	server = await startServer();
	teacher = await signUp(server, 'instructor');
	admin = await signUp(server, 'admin');
	klass = await createClass(server, teacher.visitor, CLASS_NAME);
	students = [];
	attempts = [];
	for (const [index, displayName] of NAMES.entries()) {
		const student = await signUp(server, 'student', { displayName });
		expect((await student.visitor.post(`/join/${klass.code}`, {})).status).toBe(303);
		const attempt = await startAttempt(student.visitor);
		const typed = { question: SHORT.id, answer: TYPED[index]! };
		expect((await student.visitor.post(`${attempt}?/answer`, typed)).status).toBe(303);
		const html = await (await student.visitor.get(attempt)).text();
		await student.visitor.post(`${attempt}?/answer`, answerFields(SINGLE, html, false));
		expect((await student.visitor.post(`${attempt}?/submit`, {})).status).toBe(303);
		students.push(student);
		attempts.push(attempt);
	}
}, 120_000);
afterAll(() => server?.stop());

interface Shown {
	name: string;
	/** The request, made as whoever sees the page. */
	fetch: () => Promise<Response>;
	/** Payloads the page must show, as text or as a form field's value. */
	shows: () => readonly string[];
}

const classPath = () => `/teach/classes/${klass.id}`;
const studentPath = (index: number) => `${classPath()}/students/${students[index]!.id}`;

const pages: Shown[] = [
	...NAMES.map((name, index) => ({
		name: `the header, to student ${index + 1}`,
		fetch: () => students[index]!.visitor.get(['/', '/dashboard', '/review'][index]!),
		shows: () => [name]
	})),
	...TYPED.map((typed, index) => ({
		name: `a typed answer, on its attempt page`,
		fetch: () => students[index]!.visitor.get(attempts[index]!),
		shows: () => [typed, NAMES[index]!]
	})),
	{
		name: 'the class, on its join page',
		fetch: () => students[0]!.visitor.get(`/join/${klass.code}`),
		shows: () => [CLASS_NAME]
	},
	{
		name: 'a join code as typed, kept in the form',
		fetch: () => students[1]!.visitor.post('/join', { code: JOIN_CODE }),
		shows: () => [JOIN_CODE]
	},
	{
		name: 'the class list',
		fetch: () => teacher.visitor.get('/teach'),
		shows: () => [CLASS_NAME]
	},
	{
		name: 'the class grid',
		fetch: () => teacher.visitor.get(classPath()),
		shows: () => [CLASS_NAME, ...NAMES]
	},
	{
		name: 'the class grid, searched',
		fetch: () => teacher.visitor.get(`${classPath()}?q=${encodeURIComponent(SEARCH)}`),
		shows: () => [SEARCH]
	},
	{
		name: 'a class name that is too long, kept in the form',
		fetch: () => teacher.visitor.post(`${classPath()}?/rename`, { name: SEARCH.repeat(2) }),
		shows: () => [SEARCH.repeat(2)]
	},
	...NAMES.map((name, index) => ({
		name: `student ${index + 1}'s answers, to the teacher`,
		fetch: () => teacher.visitor.get(studentPath(index)),
		shows: () => [name, CLASS_NAME, TYPED[index]!]
	})),
	{
		name: 'item analysis',
		fetch: () => teacher.visitor.get(`${classPath()}/quizzes/${LESSON}`),
		shows: () => [CLASS_NAME]
	},
	{
		name: 'the users page',
		fetch: () => admin.visitor.get('/admin/users'),
		shows: () => NAMES
	},
	{
		name: 'the users page, searched',
		fetch: () => admin.visitor.get(`/admin/users?q=${encodeURIComponent(SEARCH)}`),
		shows: () => [SEARCH]
	},
	{
		name: 'a refused sign-up, keeping the name typed',
		fetch: () =>
			new Visitor(server.url).post('/sign-up', {
				...newAccount({ displayName: NAMES[0] }),
				password: 'short'
			}),
		shows: () => [NAMES[0]]
	},
	{
		name: 'sign-in with a script address to return to',
		fetch: () =>
			new Visitor(server.url).get(
				`/sign-in?redirectTo=${encodeURIComponent('javascript:alert(9)')}`
			),
		shows: () => []
	},
	{
		name: 'a missing page whose address is a payload',
		fetch: () => new Visitor(server.url).get(`/learn/${encodeURIComponent(NAMES[0])}`),
		shows: () => []
	}
];

type Element = Tree.Element;
const isElement = (node: Tree.ChildNode | Tree.Document): node is Element => 'tagName' in node;

function* elements(node: Tree.ParentNode): Generator<Element> {
	for (const child of node.childNodes) {
		if (!isElement(child)) continue;
		yield child;
		yield* elements('content' in child ? child.content : child);
	}
}

/** What a person reads on the page: text outside scripts, and the values in form fields. */
function readable(node: Tree.ParentNode, into: string[] = []): string[] {
	for (const child of node.childNodes) {
		if (child.nodeName === '#text') into.push((child as Tree.TextNode).value);
		else if (isElement(child) && child.tagName !== 'script') {
			for (const attribute of child.attrs)
				if (attribute.name === 'value') into.push(attribute.value);
			readable(child, into);
		}
	}
	return into;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster']);

function scriptPolicy(csp: string | null) {
	const directives = new Map(
		(csp ?? '')
			.split(';')
			.map((directive) => directive.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...values]) => [name!, values])
	);
	return directives.get('script-src') ?? directives.get('default-src');
}

/** The page shows every payload as inert text, and its policy would stop any that slipped. */
function expectInert(label: string, response: Response, html: string, shows: readonly string[]) {
	const policy = scriptPolicy(response.headers.get('content-security-policy'));
	expect(policy, `${label}: no script-src in the Content-Security-Policy`).toBeDefined();
	expect(policy, `${label}: scripts allowed inline`).not.toContain("'unsafe-inline'");
	expect(policy, `${label}: scripts allowed to eval`).not.toContain("'unsafe-eval'");
	const nonce = policy!.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);

	for (const payload of PAYLOADS)
		expect(html, `${label}: a payload reached the page as markup`).not.toContain(payload);
	expect(html).not.toMatch(/<script>\s*window\.__pwned|<img src=x|<svg onload/i);

	const document = parse(html);
	for (const element of elements(document)) {
		const tag = `${label}: <${element.tagName}>`;
		for (const { name, value } of element.attrs) {
			expect(name, `${tag} has an event handler attribute`).not.toMatch(/^on/i);
			if (URL_ATTRIBUTES.has(name))
				expect(value.trim(), `${tag} ${name}`).not.toMatch(/^javascript:/i);
		}
		if (element.tagName === 'script') {
			const attributes = new Map(element.attrs.map(({ name, value }) => [name, value]));
			if (!attributes.has('src'))
				expect(attributes.get('nonce'), `${tag} inline without the page's nonce`).toBe(nonce);
		}
	}
	const text = readable(document).join('\n');
	for (const payload of shows) expect(text, `${label} should show it as text`).toContain(payload);
}

const stringsIn = (value: unknown): string[] =>
	typeof value === 'string'
		? [value]
		: value && typeof value === 'object'
			? Object.values(value).flatMap(stringsIn)
			: [];

describe('names, class names, typed answers and searches are shown as text, never as markup', () => {
	for (const page of pages) {
		it(page.name, async () => {
			const response = await page.fetch();
			expect(response.status, page.name).toBeLessThan(500);
			expect(response.headers.get('content-type')).toMatch(/^text\/html/);
			expectInert(page.name, response, await response.text(), page.shows());
		});
	}

	it('never sends anyone to a javascript: address after signing in', async () => {
		const visitor = new Visitor(server.url);
		const account = newAccount();
		await visitor.post('/sign-up', account);
		await visitor.post('/sign-out', {});
		const signedIn = await visitor.post(
			`/sign-in?redirectTo=${encodeURIComponent('javascript:alert(1)')}`,
			account
		);
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/');
	});

	it('serves the exports as attachments that no browser renders as a page', async () => {
		const downloads = [
			[teacher.visitor, `${classPath()}/export/grid.csv`, NAMES],
			[teacher.visitor, `${classPath()}/export/responses.csv`, [...NAMES, ...TYPED]],
			[students[0]!.visitor, '/account/export/answers.csv', [TYPED[0]]],
			[students[0]!.visitor, '/account/export.json', [NAMES[0], TYPED[0]]]
		] as const;
		for (const [visitor, path, shown] of downloads) {
			const response = await visitor.get(path);
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toMatch(
				/^(text\/csv|application\/json); charset=utf-8$/
			);
			expect(response.headers.get('content-disposition'), path).toMatch(/^attachment;/);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			const body = await response.text();
			const values = path.endsWith('.csv')
				? Papa.parse<string[]>(body, { skipEmptyLines: true }).data.flat()
				: stringsIn(JSON.parse(body));
			for (const payload of shown)
				expect(
					values.some((value) => value.includes(payload)),
					`${path} should hold "${payload}" as data`
				).toBe(true);
		}
	});
});

describe('in Chromium, with JavaScript on', () => {
	let browser: Browser;
	const dialogs: string[] = [];

	beforeAll(async () => {
		browser = await openBrowser({ width: 1280, height: 800 });
		// Scripts added through the DevTools protocol run before the page's own, CSP or not.
		await browser.context.addInitScript(() => {
			const seen: string[] = [];
			Object.assign(window, { __violations: seen });
			document.addEventListener('securitypolicyviolation', (event) =>
				seen.push(`${event.violatedDirective}: ${event.sample}`)
			);
		});
		browser.page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
	});
	afterAll(() => browser?.close());

	async function signInAs(person: Person) {
		await browser.context.clearCookies();
		await browser.context.addCookies([
			{ name: 'session', value: person.visitor.cookies.get('session')!, url: server.url }
		]);
	}

	/** Nothing injected ran, and nothing was even tried against the Content-Security-Policy. */
	async function expectNothingRan(where: string) {
		const { pwned, violations } = await browser.page.evaluate(() => ({
			pwned: (window as { __pwned?: unknown }).__pwned,
			violations: (window as unknown as { __violations: string[] }).__violations
		}));
		expect(pwned, `${where}: an injected script ran`).toBeUndefined();
		expect(dialogs, `${where}: an injected alert ran`).toEqual([]);
		expect(violations, `${where}: markup tried to run a script`).toEqual([]);
	}

	/** Follows a link inside the app, so the page is drawn by the client from data, not by the server. */
	async function navigateInApp(link: string, to: RegExp) {
		const { page } = browser;
		await page.evaluate(() => Object.assign(window, { __stayed: true }));
		await page.locator(link).first().click();
		await page.waitForURL(to);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => (window as { __stayed?: boolean }).__stayed)).toBe(true);
	}

	it('runs no script from names, a class name or typed answers, drawn by the server or in the browser', async () => {
		const { page } = browser;
		for (const [index, student] of students.entries()) {
			await signInAs(student);
			await page.goto(server.url + attempts[index]);
			await page.waitForLoadState('networkidle');
			await expectNothingRan(`student ${index + 1}'s attempt`);
			await navigateInApp('a[href="/"]', /\/$/);
			await expectNothingRan(`student ${index + 1}'s home, in the app`);
		}

		await signInAs(teacher);
		await page.goto(`${server.url}/teach`);
		await navigateInApp(`a[href="${classPath()}"]`, /\/teach\/classes\/\d+$/);
		await expectNothingRan('the class grid, in the app');
		for (const index of students.keys()) {
			await page.goto(server.url + classPath());
			await page.waitForLoadState('networkidle');
			await expectNothingRan('the class grid');
			await navigateInApp(`a[href="${studentPath(index)}"]`, /\/students\/\d+$/);
			await expectNothingRan(`student ${index + 1}'s answers, in the app`);
		}
		await page.goto(`${server.url}${classPath()}/quizzes/${LESSON}`);
		await page.waitForLoadState('networkidle');
		await expectNothingRan('item analysis');

		await signInAs(admin);
		await page.goto(`${server.url}/admin/users`);
		await page.waitForLoadState('networkidle');
		await expectNothingRan('the users page');
		await page.evaluate(() => Object.assign(window, { __stayed: true }));
		await page.getByLabel('Find by email or name').fill(SEARCH);
		await page.getByRole('button', { name: 'Search' }).click();
		await page.waitForURL(/\?q=/);
		await page.getByText(NAMES[1], { exact: true }).waitFor();
		expect(await page.evaluate(() => (window as { __stayed?: boolean }).__stayed)).toBe(true);
		await expectNothingRan('the users page, searched in the app');
	});
});
