/**
 * The five articles the course is written from. Outlets and dates are inferred from clues in
 * the texts (see ../shared/articles/README.md); `dated` says how sure we are, in words.
 */
export interface Source {
	file: string;
	/** Short author-date label shown inline next to a claim. */
	label: string;
	workingTitle: string;
	outlet: string;
	dated: string;
	kind: 'editorial' | 'opinion column' | 'short analysis' | 'news analysis';
}

export const sources: Source[] = [
	{
		file: '000_472f3205b87b21e1.txt',
		label: 'Editorial, 2017',
		workingTitle: "Editorial on the Mastung blast that hit Senator Haideri's convoy",
		outlet: 'an unsigned editorial of a Pakistani paper (not named in the text)',
		dated: 'probably May 2017 (inferred)',
		kind: 'editorial'
	},
	{
		file: '001_ddca72d0faaf3b03.txt',
		label: 'Dawn column, 2023',
		workingTitle: 'Column on the Rabiul Awwal suicide attack in Mastung',
		outlet: 'Dawn (author not named)',
		dated: 'about October 2023 (inferred)',
		kind: 'opinion column'
	},
	{
		file: '002_c3fa7a9a3fdd1b15.txt',
		label: 'Column, 2016',
		workingTitle: 'Column on IS claims for the Khuzdar shrine and Quetta police-cadet attacks',
		outlet: 'not named in the text',
		dated: 'late 2016 (inferred)',
		kind: 'opinion column'
	},
	{
		file: '003_7fad598d500c70a1.txt',
		label: 'Analysis, after 2022',
		workingTitle: 'Commentary on the ISKP bombing of an Islamabad mosque',
		outlet: 'not named in the text',
		dated: 'after 2022, the latest year it mentions (inferred); any closer date is a guess',
		kind: 'short analysis'
	},
	{
		file: '004_41e6aee37c022c46.txt',
		label: 'News analysis, 2025',
		workingTitle:
			'Gruesome Video Reveals Militant Hub Thrives in Pakistan’s Troubled Baluchistan Province',
		outlet: 'an international wire-style feature (outlet not named)',
		dated: '2025 (“24 years after 9/11”)',
		kind: 'news analysis'
	}
];

export function findSource(file: string): Source | undefined {
	return sources.find((source) => source.file === file);
}
