import type { Locator, Page } from 'playwright-core';
import type { Question } from '../../src/lib/content/quiz-schema';
import { typedAnswer } from './quiz';

/** Answers one question right, through the page as a learner would (touch or keyboard alike). */
export async function answerOnPage(section: Locator, question: Question, javaScript: boolean) {
	switch (question.type) {
		case 'single':
		case 'evidence': {
			const options = question.type === 'single' ? question.options : question.sentences;
			await section
				.getByLabel(options.find((o) => o.id === question.answer)!.text, { exact: true })
				.check();
			break;
		}
		case 'multiple':
			for (const id of question.answers) {
				await section
					.getByLabel(question.options.find((o) => o.id === id)!.text, { exact: true })
					.check();
			}
			break;
		case 'truefalse':
			await section.getByLabel(question.answer ? 'True' : 'False', { exact: true }).check();
			break;
		case 'short':
		case 'numeric': {
			const text = typedAnswer(question);
			await section.getByLabel('Your answer').fill(text);
			break;
		}
		case 'matching':
			for (const pair of question.pairs) {
				await section.getByLabel(pair.prompt, { exact: true }).selectOption({ label: pair.match });
			}
			break;
		case 'ordering':
			if (javaScript) {
				await moveIntoOrder(section, question, 'click');
			} else {
				for (const [index, item] of question.items.entries()) {
					await section
						.getByLabel(item.text, { exact: true })
						.selectOption({ label: `Position ${index + 1}` });
				}
			}
			break;
	}
}

/**
 * Puts an ordering question's items in order with the Move up buttons only: dragging is never
 * required. They replace the menus once the page's scripts run; reading the list before that
 * would find nothing.
 */
export async function moveIntoOrder(
	section: Locator,
	question: Extract<Question, { type: 'ordering' }>,
	press: 'click' | 'tap'
) {
	await section
		.getByRole('button', { name: /^Move (up|down): / })
		.first()
		.waitFor();
	for (const [target, item] of question.items.entries()) {
		const texts = await section.locator('.ordering-text').allTextContents();
		for (let at = texts.indexOf(item.text); at > target; at--)
			await section.getByRole('button', { name: `Move up: ${item.text}` })[press]();
	}
}

/**
 * Answers the question on screen right and checks it, then waits for its feedback (with
 * JavaScript, the page changes in place; without, the answer's redirect loads the same screen).
 */
export async function checkOnPage(page: Page, question: Question, javaScript: boolean) {
	const section = page.locator(`#q-${question.id}`);
	await answerOnPage(section, question, javaScript);
	await section.getByRole('button', { name: 'Check answer' }).click();
	await section.locator('.feedback').waitFor();
	return section;
}

/**
 * Walks through the questions one screen at a time, answering each right (and failing on any
 * other verdict), then finishes. `onEachScreen` runs on each question's screen once checked.
 */
export async function completeQuizOnPage(
	page: Page,
	questions: Question[],
	javaScript = true,
	onEachScreen?: (question: Question) => Promise<void>
) {
	for (const [index, question] of questions.entries()) {
		const section = await checkOnPage(page, question, javaScript);
		const verdict = await section.locator('.feedback-verdict').textContent();
		if (verdict?.trim() !== 'Right') throw new Error(`${question.id}: ${verdict}`);
		await onEachScreen?.(question);
		if (index < questions.length - 1) await page.getByRole('link', { name: 'Next' }).click();
	}
	await page.getByRole('button', { name: 'Finish' }).click();
	await page.getByRole('heading', { name: /^Your results/ }).waitFor();
}

/** Finishes the attempt before every question is answered, from the list of all questions. */
export async function finishNowOnPage(page: Page) {
	await page.getByText('All questions').click();
	await page.getByRole('button', { name: 'Finish now' }).click();
	await page.getByRole('heading', { name: /^Your results/ }).waitFor();
}

/** Answers one question wrong through the page (the types the tests miss on purpose). */
export async function answerWrongOnPage(section: Locator, question: Question) {
	switch (question.type) {
		case 'matching':
			// each prompt matched to the next prompt's match
			for (const [index, pair] of question.pairs.entries()) {
				const other = question.pairs[(index + 1) % question.pairs.length]!;
				await section.getByLabel(pair.prompt, { exact: true }).selectOption({ label: other.match });
			}
			break;
		case 'short':
			await section.getByLabel('Your answer').fill('zzz');
			break;
		default:
			throw new Error(`answerWrongOnPage: ${question.type} is not supported`);
	}
}

/** What has keyboard focus, described as a test would look for it. */
export interface Focused {
	tag: string;
	type: string;
	name: string;
	/** The accessible name as the tests use it: aria-label, else the label, else the text. */
	label: string;
	id: string;
	checked: boolean;
	disabled: boolean;
}

export function focused(page: Page): Promise<Focused | null> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLInputElement | null;
		if (!element || element === document.body) return null;
		const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
		return {
			tag: element.tagName.toLowerCase(),
			type: element.type ?? '',
			name: element.getAttribute('name') ?? '',
			label:
				(element.getAttribute('aria-label') ?? '') ||
				words(element.labels?.[0]?.querySelector('span')?.textContent) ||
				words(element.labels?.[0]?.textContent) ||
				words(element.textContent),
			id: element.id,
			checked: Boolean(element.checked),
			disabled: Boolean(element.disabled)
		};
	});
}

/** Presses Tab (and only Tab) until `wanted` has focus; fails after a page's worth of stops. */
export async function tabTo(page: Page, wanted: (focus: Focused) => boolean, what: string) {
	for (let presses = 0; presses < 120; presses++) {
		await page.keyboard.press('Tab');
		const focus = await focused(page);
		if (focus && wanted(focus)) return focus;
	}
	throw new Error(`Tab never reached ${what}`);
}

/** Picks a menu's option with the arrow keys, as a keyboard user would without opening it. */
async function chooseWithArrows(page: Page, label: string) {
	const { at, target } = await page.evaluate((wanted) => {
		const select = document.activeElement as HTMLSelectElement;
		const options = [...select.options].map((option) => option.text);
		return { at: select.selectedIndex, target: options.indexOf(wanted) };
	}, label);
	if (target < 0) throw new Error(`no option "${label}"`);
	for (let i = at; i < target; i++) await page.keyboard.press('ArrowDown');
	for (let i = at; i > target; i--) await page.keyboard.press('ArrowUp');
}

/** Answers one question right with the keyboard alone (JavaScript on). */
export async function answerWithKeyboard(page: Page, question: Question) {
	switch (question.type) {
		case 'single':
		case 'evidence':
		case 'truefalse': {
			const options =
				question.type === 'single'
					? question.options
					: question.type === 'evidence'
						? question.sentences
						: [
								{ id: 'true', text: 'True' },
								{ id: 'false', text: 'False' }
							];
			const right = options.find((o) => o.id === String(question.answer))!.text;
			await tabTo(page, (f) => f.type === 'radio', 'the choices');
			// Arrow keys move through a radio group and choose as they go.
			for (let moves = 0; moves < options.length; moves++) {
				const focus = await focused(page);
				if (focus?.label === right) break;
				await page.keyboard.press('ArrowDown');
			}
			await page.keyboard.press('Space');
			break;
		}
		case 'multiple': {
			const right = question.options.filter((o) => question.answers.includes(o.id));
			for (let seen = 0; seen < question.options.length; seen++) {
				const focus = await tabTo(page, (f) => f.type === 'checkbox', 'a checkbox');
				if (right.some((o) => o.text === focus.label) !== focus.checked)
					await page.keyboard.press('Space');
			}
			break;
		}
		case 'short':
		case 'numeric': {
			const text = typedAnswer(question);
			await tabTo(page, (f) => f.label === 'Your answer', 'the answer field');
			await page.keyboard.type(text);
			break;
		}
		case 'matching':
			for (const pair of question.pairs) {
				await tabTo(page, (f) => f.tag === 'select' && f.label === pair.prompt, pair.prompt);
				await chooseWithArrows(page, pair.match);
			}
			break;
		case 'ordering':
			for (const [target, item] of question.items.entries()) {
				const texts = () => page.locator('.ordering-text').allTextContents();
				let at = (await texts()).indexOf(item.text);
				if (at === target) continue;
				await tabTo(page, (f) => f.label === `Move up: ${item.text}`, `Move up: ${item.text}`);
				for (; at > target; at--) {
					await page.keyboard.press('Enter');
					// Focus stays with the moved item, on Move down once Move up is disabled at the top.
					const focus = await focused(page);
					if (!focus?.label.endsWith(`: ${item.text}`) || focus.disabled)
						throw new Error(`focus left ${item.text} after moving it: ${JSON.stringify(focus)}`);
				}
				if ((await texts()).indexOf(item.text) !== target)
					throw new Error(`${item.text} did not reach position ${target + 1}`);
			}
			break;
	}
}
