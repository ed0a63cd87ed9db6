import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { actorsFile } from '../../src/lib/content/reference-schema';
import { projectRoot } from '../helpers/server';

// Each module's glossary (<Actors module={n} />) promises the people, groups and places the
// module's lessons name. A name in a quotation does not count: the prose must use it.

const lessonsDir = join(projectRoot, 'lessons');
const actors = actorsFile.parse(
	parse(readFileSync(join(lessonsDir, 'actors.yaml'), 'utf8'))
).actors;
const folders = (dir: string) =>
	readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();

/** A module's lesson prose, without front matter, script or citations. */
const prose = (module: string) =>
	folders(join(lessonsDir, module))
		.map((lesson) =>
			readFileSync(join(lessonsDir, module, lesson, 'index.md'), 'utf8')
				.replace(/^---[\s\S]*?\n---/, '')
				.replace(/<script>[\s\S]*?<\/script>/, '')
				.replace(/<Cite\b[^>]*\/>/g, '')
		)
		.join('\n');

// Case matters here: "IS" is the group, "is" is not.
const names = (text: string, name: string) => {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'u').test(text);
};

describe('the module glossaries', () => {
	it.each(folders(lessonsDir).map((module, index) => [module, index] as const))(
		'%s lists every actor its lessons name',
		(module, index) => {
			const text = prose(module);
			const missing = actors
				.filter((actor) => !actor.modules.includes(index))
				.filter((actor) =>
					[actor.name.replace(/ \(.*\)$/, ''), ...actor.names.map(({ name }) => name)].some(
						(name) => names(text, name)
					)
				)
				.map((actor) => actor.id);
			expect(missing).toEqual([]);
		}
	);
});
