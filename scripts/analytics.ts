// `npm run analytics -- rebuild|delete-attempt`: upkeep of the instructor statistics from the shell.
import './load-env.js';
import { parseArgs } from 'node:util';
import { closeDatabase, migrateDatabase } from '../src/lib/server/db';
import { rebuildAllStats } from '../src/lib/server/analytics/stats-rebuild';
import { deleteAttempt } from '../src/lib/server/analytics/stats-upkeep';

const usage = `Usage:
  npm run analytics -- rebuild
  npm run analytics -- delete-attempt --id ATTEMPT_ID

rebuild recomputes every quiz's statistics and the class grid's summaries from the raw attempts
and answers (the server keeps them up to date as it goes; this is for a database changed by hand).
It can run while the server does, but each quiz is recounted in one transaction: answers wait
for it (about 2 s per 10,000 attempts), so prefer a quiet moment.

delete-attempt removes one attempt (a spoiled one, say) with its answers, and takes it out of
the statistics and the learner's grade.`;

function main(): string {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: { id: { type: 'string' } }
	});
	const [command] = positionals;
	migrateDatabase();
	if (command === 'rebuild') {
		const started = performance.now();
		const quizzes = rebuildAllStats();
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		return `Rebuilt the statistics of ${quizzes.length} quizzes in ${seconds} s.`;
	}
	if (command === 'delete-attempt') {
		const id = Number(values.id);
		if (!Number.isSafeInteger(id) || id <= 0) throw new Error('--id must be an attempt id.');
		if (!deleteAttempt(id)) throw new Error(`No attempt with the id ${id}.`);
		return `Deleted attempt ${id}.`;
	}
	throw new Error(command ? `Unknown command "${command}".\n\n${usage}` : usage);
}

try {
	console.log(main());
} catch (error) {
	console.error((error as Error).message);
	process.exitCode = 1;
} finally {
	closeDatabase();
}
