// `npm run backup -- FILE [--force]`: a consistent copy of the live database, taken with SQLite's
// online backup API while the server keeps running.
import './load-env.js';
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../src/lib/server/config';

const usage = `Usage: npm run backup -- FILE [--force]

Copies the database at DATABASE_PATH (${config.databasePath}) to FILE while the server runs.
--force overwrites FILE if it exists.`;

/** Pages copied per step (100 MB of 4 KB pages); larger databases print their progress per step. */
const PAGES_PER_STEP = 25_600;

class CliError extends Error {}

async function main(): Promise<string> {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: { force: { type: 'boolean', default: false } }
	});
	if (positionals.length !== 1) throw new CliError(usage);
	// `npm run` starts scripts in the project folder; the path is meant from where it was typed.
	const typedIn = process.env.npm_lifecycle_event === 'backup' ? process.env.INIT_CWD : undefined;
	const target = resolve(typedIn ?? process.cwd(), positionals[0]!);
	if (target === config.databasePath) throw new CliError('FILE must not be the database itself.');
	if (existsSync(target) && !values.force)
		throw new CliError(`${target} exists; add --force to overwrite it.`);
	if (!existsSync(config.databasePath))
		throw new CliError(`No database at ${config.databasePath} (set DATABASE_PATH).`);

	mkdirSync(dirname(target), { recursive: true });
	// Written beside the target and renamed at the end, so FILE is never a half-written copy.
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const source = new Database(config.databasePath, { fileMustExist: true });
	try {
		// One read transaction for the whole copy: every step reads the same snapshot, so the server's
		// writes meanwhile neither tear the copy nor make the backup start over (as they would
		// between steps otherwise), however long a large database takes.
		source.exec('BEGIN');
		source.prepare('SELECT count(*) FROM sqlite_schema').get();
		let shown = false;
		const { totalPages } = await source.backup(partial, {
			progress: ({ totalPages, remainingPages }) => {
				if (totalPages > PAGES_PER_STEP) {
					const done = Math.floor((100 * (totalPages - remainingPages)) / totalPages);
					console.log(
						remainingPages === totalPages
							? `copying ${totalPages.toLocaleString('en')} pages…`
							: `copied ${done} %`
					);
					shown = true;
				}
				return PAGES_PER_STEP;
			}
		});
		if (shown) console.log('copied 100 %');
		source.exec('COMMIT');

		// A single self-contained file (no -wal beside it); the server turns WAL back on when it opens it.
		const copy = new Database(partial);
		try {
			copy.pragma('journal_mode = DELETE');
			const check = copy.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new Error(`The copy failed its check: ${String(check)}`);
		} finally {
			copy.close();
		}
		// It holds emails and password hashes: readable by its owner only.
		chmodSync(partial, 0o600);
		renameSync(partial, target);
		const megabytes = (statSync(target).size / 1024 / 1024).toFixed(1);
		return `Wrote ${target} (${megabytes} MB, ${totalPages.toLocaleString('en')} pages, quick_check ok) from ${config.databasePath}.`;
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		source.close();
	}
}

main()
	.then((message) => console.log(message))
	.catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exitCode = error instanceof CliError ? 2 : 1;
	});
