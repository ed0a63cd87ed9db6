import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quizFile } from '../../src/lib/content/quiz-schema';
import { projectRoot } from '../helpers/server';

describe('the README', () => {
	it('shows a quiz example that the build would accept', () => {
		const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
		const example = /## Writing quizzes[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
		expect(example).toBeDefined();
		const result = quizFile.safeParse(parse(example!));
		expect(result.error?.issues ?? []).toEqual([]);
	});
});
