import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { referenceFiles } from './reference-schema.ts';

export type ReferenceFile = keyof typeof referenceFiles;

/**
 * Reads and checks one reference file (lessons/timeline.yaml, …). Returns the parsed data, or
 * the problems, each naming the file and the entry.
 */
export function readReferenceFile(
	lessonsDir: string,
	name: ReferenceFile
): { data: unknown; problems: string[] } {
	const file = `lessons/${name}`;
	const path = join(lessonsDir, name);
	if (!existsSync(path)) return { data: null, problems: [`${file}: file is missing`] };
	let raw: unknown;
	try {
		raw = parseYaml(readFileSync(path, 'utf8'));
	} catch (error) {
		return { data: null, problems: [`${file}: not valid YAML: ${(error as Error).message}`] };
	}
	const result = referenceFiles[name].safeParse(raw);
	if (result.success) return { data: result.data, problems: [] };
	const problems = result.error.issues.map((issue) => {
		const [list, index, ...rest] = issue.path;
		const entries = (raw as Record<string, { id?: unknown }[] | undefined>)?.[String(list)];
		const entryId = typeof index === 'number' ? entries?.[index]?.id : undefined;
		const where =
			typeof index === 'number' ? ` entry ${entryId ? `"${entryId}"` : `#${index + 1}`}` : '';
		const field = rest.length ? `, field "${rest.join('.')}"` : '';
		return `${file}:${where}${field}: ${issue.message}`;
	});
	return { data: null, problems };
}
