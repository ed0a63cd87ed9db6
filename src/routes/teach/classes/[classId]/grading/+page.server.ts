import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { classAccess } from '$lib/server/class-access';
import { essaysToGrade, markedEssays, markEssay } from '$lib/server/quiz/essay-marks';
import { orFailure } from '$lib/server/quiz/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { klass } = await classAccess(event, event.params.classId);
	return {
		klass: { id: klass.id, name: klass.name },
		toGrade: await essaysToGrade(klass.id),
		marked: await markedEssays(klass.id)
	};
};

const COMMENT_MAX = 2000;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A mark in per cent of the question ("70", "66.67 %"), as the form asks for it, read as 0–1. */
const percentMark = z
	.string()
	.trim()
	.min(1, 'Give a mark, from 0 to 100 %.')
	.regex(/^\d{1,3}(?:[.,]\d{1,5})?\s*%?$/, 'Give the mark as a number from 0 to 100, like 70.')
	.transform((value) => Number(value.replace('%', '').replace(',', '.').trim()))
	.refine((value) => value <= 100, 'Give a mark from 0 to 100 %.')
	.transform((value) => value / 100);

const markForm = z.object({
	attempt: id,
	version: id,
	mark: percentMark,
	comment: z
		.string()
		.trim()
		.max(COMMENT_MAX, `Keep the comment to ${COMMENT_MAX} characters or fewer.`)
		.transform((value) => value || null)
});

export const actions: Actions = {
	mark: async (event) => {
		const { user, klass } = await classAccess(event, event.params.classId);
		const form = await event.request.formData();
		const field = (name: string) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		};
		// Sent back with a refusal, so the form shows what was typed beside the right answer.
		const typed = {
			attempt: field('attempt'),
			version: field('version'),
			mark: field('mark'),
			comment: field('comment')
		};
		const parsed = markForm.safeParse(typed);
		if (!parsed.success) return fail(400, { ...typed, message: parsed.error.issues[0]!.message });
		const { attempt, version, mark, comment } = parsed.data;
		const failed = await orFailure(typed, () =>
			markEssay(klass.id, user.id, {
				attemptId: attempt,
				questionVersionId: version,
				mark,
				comment
			})
		);
		if (failed) return failed;
		return { ...typed, saved: true, message: 'Mark saved.' };
	}
};
