import Papa from 'papaparse';

// papaparse's own pattern, /^[=+\-@\t\r].*$/, misses a formula with a line break after it
// ("=1+1\nx"); testing only the first character catches every such cell.
const escapeFormulae = /^[=+\-@\t\r]/;

/**
 * CSV through papaparse: UTF-8 with a byte-order mark (so spreadsheets read accents right), and
 * cells that a spreadsheet would run as a formula (=, +, -, @, tab, return) prefixed with '.
 */
export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
	const fields = columns ?? Object.keys(rows[0] ?? {});
	const data = rows.map((row) => fields.map((field) => cell(row[field])));
	return '\uFEFF' + Papa.unparse({ fields, data }, { escapeFormulae, newline: '\r\n' });
}

function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString();
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
