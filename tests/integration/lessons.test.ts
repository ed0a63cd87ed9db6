import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Visitor } from '../helpers/client';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server?.stop());

const links = (html: string, prefix: string) =>
	[...html.matchAll(/href="([^"]+)"/g)]
		.map((match) => match[1]!)
		.filter((href) => href.startsWith(prefix));
// The course page also links to a lesson ("Start here"); a module's address has two parts.
const moduleLinks = (html: string) =>
	links(html, '/learn/').filter((href) => href.split('/').length === 3);

describe('the course pages', () => {
	it('lists the modules on the home page and the lessons on each module page', async () => {
		const visitor = new Visitor(server.url);
		const home = await (await visitor.get('/')).text();
		const modules = moduleLinks(home);
		expect(modules.length).toBeGreaterThan(0);

		const modulePage = await visitor.get(modules[0]!);
		expect(modulePage.status).toBe(200);
		const moduleHtml = await modulePage.text();
		expect(moduleHtml).toContain('Content note.');
		const lessons = links(moduleHtml, `${modules[0]}/`);
		expect(lessons.length).toBeGreaterThan(0);

		const lesson = await visitor.get(lessons[0]!);
		expect(lesson.status).toBe(200);
		const lessonHtml = await lesson.text();
		// server-rendered body with at least one citation to a named article
		expect(lessonHtml).toMatch(/<h1>[^<]+<\/h1>/);
		expect(lessonHtml).toMatch(/popovertarget="cite-/);
		expect(lessonHtml).toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
	});

	it('shows a lesson\'s objectives under its title, as a list headed "You will be able to"', async () => {
		const visitor = new Visitor(server.url);
		const [module] = moduleLinks(await (await visitor.get('/')).text());
		const [lesson] = links(await (await visitor.get(module!)).text(), `${module}/`);
		const html = await (await visitor.get(lesson!)).text();
		const section =
			/<h1>[^<]+<\/h1>\s*<p class="muted">[^<]*<\/p>\s*<section class="objectives[^"]*" aria-labelledby="lesson-objectives">([\s\S]*?)<\/section>/.exec(
				html
			)?.[1];
		expect(section).toMatch(/<h2 id="lesson-objectives"[^>]*>You will be able to<\/h2>/);
		const items = [...(section ?? '').matchAll(/<li[^>]*>([^<]+)<\/li>/g)].map((m) => m[1]!.trim());
		expect(items.length).toBeGreaterThanOrEqual(2);
		expect(items.length).toBeLessThanOrEqual(4);
	});

	it('glosses the background terms a lesson uses, as general knowledge not from the articles', async () => {
		const visitor = new Visitor(server.url);
		const html = await (await visitor.get('/learn/mastung-networks/links-back-to-2004')).text();
		const background = html.slice(html.indexOf('class="background-terms"'));
		expect(background).toContain('It is not from the articles.');
		for (const term of ['Muharram', 'Ashura', 'Imambargah'])
			expect(background).toMatch(new RegExp(`<dt>${term}</dt>\\s*<dd>[^<]+</dd>`));
		// Only the terms a lesson's text uses.
		const other = await (await visitor.get('/learn/policy-debates/beyond-pakistan')).text();
		expect(other).not.toContain('<dt>Imambargah</dt>');
	});

	it('strips the ordering numbers from URLs', async () => {
		const home = await (await new Visitor(server.url).get('/')).text();
		for (const href of links(home, '/learn/')) expect(href).not.toMatch(/\/\d{2}-/);
	});

	it.each(['/learn/no-such-module', '/learn/no-such-module/no-such-lesson'])(
		'answers %s with a friendly 404',
		async (path) => {
			const response = await new Visitor(server.url).get(path);
			expect(response.status).toBe(404);
			const html = await response.text();
			expect(html).toContain('Page not found');
			expect(html).toContain('href="/"');
		}
	);

	it('answers an unknown lesson in a real module with 404', async () => {
		const visitor = new Visitor(server.url);
		const [module] = moduleLinks(await (await visitor.get('/')).text());
		expect((await visitor.get(`${module}/no-such-lesson`)).status).toBe(404);
	});
});
