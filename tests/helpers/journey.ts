import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Question } from '../../src/lib/content/quiz-schema';
import { answerWithKeyboard, focused, moveIntoOrder, tabTo } from './quiz-page';
import { typedAnswer } from './quiz';
import { projectRoot } from './server';

// A learner's whole journey, by touch or by keyboard, with a screenshot at each step.

const shotsFolder = join(projectRoot, 'test-results', 'journey');

/**
 * Saves numbered screenshots of what the learner sees (`phone-01-home.png`, …) under
 * test-results/journey/, after clearing the previous run's set for the same prefix.
 */
export function screenshots(prefix: string) {
	mkdirSync(shotsFolder, { recursive: true });
	for (const file of readdirSync(shotsFolder))
		if (file.startsWith(`${prefix}-`)) rmSync(join(shotsFolder, file));
	let count = 0;
	return async (page: Page, step: string, fullPage = false) => {
		count += 1;
		const name = `${prefix}-${String(count).padStart(2, '0')}-${step}.png`;
		await page.screenshot({ path: join(shotsFolder, name), fullPage });
	};
}

/** Swipes up the screen as a finger would (touch events, which the browser turns into a scroll). */
export async function swipeUp(page: Page, distance: number) {
	const session = await page.context().newCDPSession(page);
	const at = (y: number) => [{ x: 180, y }];
	try {
		await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(500) });
		for (let step = 1; step <= 10; step++)
			await session.send('Input.dispatchTouchEvent', {
				type: 'touchMove',
				touchPoints: at(500 - (distance * step) / 10)
			});
		await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	} finally {
		await session.detach();
	}
}

const choiceTexts = (question: Question) =>
	question.type === 'single'
		? question.options
		: question.type === 'evidence'
			? question.sentences
			: question.type === 'truefalse'
				? [
						{ id: 'true', text: 'True' },
						{ id: 'false', text: 'False' }
					]
				: [];

/** The text of a choice that is not the answer (single, evidence and true/false questions). */
export function wrongChoice(question: Question): string {
	if (!('answer' in question)) throw new Error(`${question.type} has no single answer`);
	return choiceTexts(question).find((choice) => choice.id !== String(question.answer))!.text;
}

const tapChoice = (section: Locator, text: string) =>
	section
		.locator('label.choice')
		.filter({ has: section.page().getByText(text, { exact: true }) })
		.tap();

/** Answers with taps, right unless `wrong`: a choice's label, a field, a menu, Move up. */
export async function answerByTouch(section: Locator, question: Question, wrong = false) {
	switch (question.type) {
		case 'single':
		case 'evidence':
		case 'truefalse':
			await tapChoice(
				section,
				wrong
					? wrongChoice(question)
					: choiceTexts(question).find((c) => c.id === String(question.answer))!.text
			);
			break;
		case 'multiple':
			for (const option of question.options.filter((o) => question.answers.includes(o.id)))
				await tapChoice(section, option.text);
			break;
		case 'short':
		case 'numeric': {
			const text = typedAnswer(question);
			await section.getByLabel('Your answer').tap();
			await section.getByLabel('Your answer').fill(wrong ? 'zzz' : text);
			break;
		}
		case 'matching':
			// A native menu opens on the tap; choosing in it is the browser's, not the page's.
			for (const pair of question.pairs) {
				const menu = section.getByLabel(pair.prompt, { exact: true });
				await menu.tap();
				await menu.selectOption({ label: pair.match });
			}
			break;
		case 'ordering':
			await moveIntoOrder(section, question, 'tap');
			break;
	}
}

/** Answers with the keyboard alone, right unless `wrong` (single, evidence, true/false, short). */
export async function answerByKeyboard(page: Page, question: Question, wrong = false) {
	if (!wrong) return answerWithKeyboard(page, question);
	if (question.type === 'short') {
		await tabTo(page, (f) => f.label === 'Your answer', 'the answer field');
		await page.keyboard.type('zzz');
		return;
	}
	const target = wrongChoice(question);
	await tabTo(page, (f) => f.type === 'radio', 'the choices');
	for (let moves = 0; moves < choiceTexts(question).length; moves++) {
		if ((await focused(page))?.label === target) break;
		await page.keyboard.press('ArrowDown');
	}
	await page.keyboard.press('Space');
}

/** Presses Shift+Tab (and only that) until `wanted` has focus: the way back from a page's foot. */
export async function shiftTabTo(page: Page, wanted: (label: string) => boolean, what: string) {
	for (let presses = 0; presses < 60; presses++) {
		await page.keyboard.press('Shift+Tab');
		const focus = await focused(page);
		if (focus && wanted(focus.label)) return focus;
	}
	throw new Error(`Shift+Tab never reached ${what}`);
}
