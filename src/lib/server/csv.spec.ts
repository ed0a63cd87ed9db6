import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

const readBack = (csv: string) =>
	Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;

describe('toCsv', () => {
	it('neutralises every cell a spreadsheet would run, even with a line break after it', () => {
		const risky = [
			'=1+1',
			'+1',
			'-1',
			'@SUM(A1)',
			'\t=1',
			'\r=1',
			'=1+1\nx',
			'=HYPERLINK("a")\r\n'
		];
		const rows = risky.map((value) => ({ value }));
		expect(readBack(toCsv(rows)).map((row) => row.value)).toEqual(
			risky.map((value) => `'${value}`)
		);
	});

	it('leaves ordinary text, quotes, commas and accents as they are', () => {
		const rows = [{ name: 'Zoë, "the reader"', score: 0.5, when: new Date(0), none: null }];
		expect(readBack(toCsv(rows))).toEqual([
			{ name: 'Zoë, "the reader"', score: '0.5', when: '1970-01-01T00:00:00.000Z', none: '' }
		]);
	});

	it('starts with a byte-order mark so spreadsheets read it as UTF-8', () => {
		expect(toCsv([{ a: 1 }]).startsWith('\uFEFFa\r\n')).toBe(true);
	});
});
