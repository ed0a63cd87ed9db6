import type { Locator, Page } from 'playwright-core';
import type { Question } from '../../src/lib/content/quiz-schema';

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
			const accepted = question.answers.find((a) => a.credit === 1)!;
			const text =
				'text' in accepted
					? accepted.text
					: 'value' in accepted
						? String(accepted.value)
						: String(accepted.min);
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
				// Reorder with the Move up buttons only: dragging is never required.
				for (const [target, item] of question.items.entries()) {
					const texts = await section.locator('.ordering-text').allTextContents();
					for (let at = texts.indexOf(item.text); at > target; at--) {
						await section.getByRole('button', { name: `Move up: ${item.text}` }).click();
					}
				}
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
