import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../../src/lib/content/sources';
import { articlesDir, courseQuestions, normaliseSpacing } from '../helpers/course-content';

// The README's rule ("Claim types"): claimType is the status of the statement a question tests,
// which its first citation quotes. So questions whose first citations fall in the same sentence
// of an article should carry the same tag. A question may use a sentence for something other
// than its status (a name it gives, a date it shows, one clause of two) or sort statements of
// several kinds; each such question is listed here with the reason, and must really differ.
const exceptions: Record<string, string> = {
	'00-reading-the-sources/01-five-articles/date-by-another-article':
		'uses the year the sentence gives for the pull-out, not what Biden said in it',
	'00-reading-the-sources/01-five-articles/day-after-evidence':
		'dates the editorial by its "yesterday", not by the verdict in the same sentence',
	'00-reading-the-sources/01-five-articles/relative-times':
		'asks what "yesterday" refers to, not about the verdict in the same sentence',
	'00-reading-the-sources/01-five-articles/this-year-2023':
		"asks which events fall in the column's own year, not about the claim that dates one",
	'00-reading-the-sources/01-five-articles/nine-months-evidence':
		'dates the column by the months that CRSS figures cover, not by the figures',
	'00-reading-the-sources/02-fact-claim-opinion/name-to-article':
		'asks which name the editorial uses (Daesh), not about the reported claim',
	'00-reading-the-sources/02-fact-claim-opinion/statement-types':
		'sorts passages of all three kinds; tagged by the kind most of them are',
	'01-franchise-model/04-what-changed/constant-place':
		'asks for the name of a place, which the columns give in their own voice',
	'02-mastung-networks/03-madressahs-and-funding/where-madressahs':
		'tests where the madressahs are, which the column states, not the funding it hedges',
	'03-policy-debates/01-national-action-plan-and-counterinsurgency/name-the-plan':
		'asks for the name of the plan, which the editorial gives before judging it',
	'03-policy-debates/03-reviewing-security-policy/argument-steps':
		"orders the column's case, whose steps after the CRSS figure are the columnist's own",
	'03-policy-debates/04-beyond-pakistan/us-ties-relation':
		'asks whether two articles answer each other, a fact about the texts'
};

/** An article's sentences, spacing normalised; a heading or paragraph ends a sentence too. */
function sentencesOf(raw: string): string[] {
	return raw
		.split(/\n+/)
		.flatMap((paragraph) =>
			// A full stop after a capital ("U.S.") is an abbreviation; "hairs.What" lacks its space.
			paragraph.split(/(?<=[a-z0-9)][.?!][”"’]?)\s+|(?<=[a-z][.?!])(?=[A-Z])/)
		)
		.map(normaliseSpacing)
		.filter((sentence) => sentence !== '');
}

describe('claim types', () => {
	it('tag alike the questions that test the same sentence', (context) => {
		if (!existsSync(articlesDir)) {
			context.skip(`articles directory not found at ${articlesDir} (set ARTICLES_DIR)`);
		}
		const sentences = new Map(
			sources.map(({ file }) => [file, sentencesOf(readFileSync(join(articlesDir, file), 'utf8'))])
		);
		const bySentence = new Map<string, { key: string; claimType: string }[]>();
		const unplaced: string[] = [];
		for (const { key, question } of courseQuestions()) {
			const [first] = question.citations;
			const quote = normaliseSpacing(first!.quote);
			const sentence = sentences.get(first!.source)?.find((s) => s.includes(quote));
			if (!sentence) {
				unplaced.push(`${key}: "${quote}"`);
				continue;
			}
			const id = `${first!.source}: ${sentence}`;
			bySentence.set(id, [...(bySentence.get(id) ?? []), { key, claimType: question.claimType }]);
		}
		expect.soft(unplaced, 'first citations found within one sentence').toEqual([]);

		const conflicts = [...bySentence].flatMap(([sentence, questions]) => {
			const ruled = questions.filter(({ key }) => !(key in exceptions));
			const tags = new Set(ruled.map(({ claimType }) => claimType));
			return tags.size > 1
				? [`${sentence}\n  ${ruled.map((q) => `${q.key}: ${q.claimType}`).join('\n  ')}`]
				: [];
		});
		expect.soft(conflicts, 'sentences tagged differently').toEqual([]);

		const needless = Object.keys(exceptions).filter((key) => {
			const group = [...bySentence.values()].find((qs) => qs.some((q) => q.key === key));
			const own = group?.find((q) => q.key === key);
			return !group?.some((q) => !(q.key in exceptions) && q.claimType !== own?.claimType);
		});
		expect(needless, 'exceptions that no longer differ from their sentence').toEqual([]);
	});
});
