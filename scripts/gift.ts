// `npm run gift -- import|export ...`: move quizzes between GIFT (Moodle's text format) and
// our quiz.yaml; import also reads Moodle XML. Relative imports only, so tsx runs it without the $lib alias.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkImportedQuiz } from '../src/lib/gift/check.ts';
import { decodeGift } from '../src/lib/gift/decode.ts';
import { exportGift } from '../src/lib/gift/export.ts';
import { importGift, importParsed } from '../src/lib/gift/import.ts';
import { parseMoodleXml } from '../src/lib/gift/moodle-xml.ts';

const usage = `Usage:
  npm run gift -- import FILE.gift|FILE.xml [--out DIR] [--force] [--skip-errors]
      Writes DIR/quiz.yaml (DIR defaults to the current folder) from GIFT or Moodle XML.
      Refuses to replace an existing quiz.yaml unless --force. Writes nothing if a question
      is malformed, unless --skip-errors (Moodle's "Stop on error: No"): then the good
      questions are written and the bad ones listed.
  npm run gift -- export QUIZ [--out FILE] [--force]
      QUIZ is a quiz.yaml or a lesson folder holding one. Prints GIFT, or writes it to FILE.`;

/** A failure to report without a stack trace; `code` 2 means the command line was wrong. */
class CliError extends Error {
	constructor(
		message: string,
		readonly code = 1
	) {
		super(message);
	}
}

function readBytes(path: string, what: string): Buffer {
	if (!existsSync(path)) throw new CliError(`No ${what} at ${path}.`);
	if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder, not a ${what}.`);
	return readFileSync(path);
}

const readInput = (path: string, what: string) => readBytes(path, what).toString('utf8');

function refuseOverwrite(path: string, force: boolean | undefined) {
	if (existsSync(path) && !force) {
		throw new CliError(`${path} already exists; pass --force to replace it.`);
	}
}

function runImport(
	file: string,
	outDir: string,
	force: boolean | undefined,
	skipErrors: boolean | undefined
): void {
	const decoded = decodeGift(readBytes(file, 'GIFT file'));
	if ('error' in decoded) {
		console.error(`${file}:${decoded.error.line}: error: ${decoded.error.message}`);
		throw new CliError(`${file} is not a GIFT text file; nothing was written.`);
	}
	const source = decoded.text;
	if (/\.ya?ml$/i.test(outDir)) {
		throw new CliError(`--out takes a folder; quiz.yaml is written inside it (got ${outDir}).`);
	}
	if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
		throw new CliError(`--out ${outDir} is a file; give a folder to write quiz.yaml in.`);
	}
	const target = join(outDir, 'quiz.yaml');
	refuseOverwrite(target, force);
	// Moodle's question bank exports XML by default; it is read into the same questions.
	const isXml = /\.xml$/i.test(file) || /^\s*<(\?xml|quiz)\b/.test(source);
	const options = { sourceName: basename(file), skipErrors: skipErrors ?? false };
	const result = isXml
		? importParsed(parseMoodleXml(source), options)
		: importGift(source, options);
	const diagnostics = [
		...result.unsupported.map((item) => ({
			line: item.line,
			text: `skipped${item.title ? ` "${item.title}"` : ''}: ${item.message}`
		})),
		...result.warnings.map((item) => ({ line: item.line, text: `warning: ${item.message}` })),
		...(result.ok ? [] : result.errors).map((item) => ({
			line: item.line,
			text: `error: ${item.message}`
		}))
	].sort((a, b) => a.line - b.line);
	for (const item of diagnostics) console.error(`${file}:${item.line}: ${item.text}`);
	if (!result.ok) {
		throw new CliError(`${result.errors.length} error(s) in ${file}; nothing was written.`);
	}
	mkdirSync(outDir, { recursive: true });
	writeFileSync(target, result.yaml);
	const count = result.quiz.questions.length;
	const skipped = result.unsupported.length;
	console.log(
		`Wrote ${target}: ${count} question${count === 1 ? '' : 's'} imported` +
			(skipped > 0 ? `, ${skipped} skipped` : '') +
			'; add citations, claim types and the explanations marked TODO before building (see the comment at the top of the file).'
	);
}

function runExport(quizPath: string, out: string | undefined, force: boolean | undefined): void {
	const isFolder = existsSync(quizPath) && statSync(quizPath).isDirectory();
	const file = isFolder ? join(quizPath, 'quiz.yaml') : quizPath;
	if (out) refuseOverwrite(out, force);
	let data: unknown;
	try {
		data = parseYaml(readInput(file, 'quiz file'));
	} catch (error) {
		if (error instanceof CliError) throw error;
		throw new CliError(`${file} is not valid YAML: ${(error as Error).message}`);
	}
	const check = checkImportedQuiz(data);
	if (!check.ok) {
		for (const problem of check.problems) console.error(`${file}: error: ${problem.message}`);
		throw new CliError(`${file} is not a valid quiz; nothing was exported.`);
	}
	const result = exportGift(check.quiz, { sourceName: basename(file) });
	for (const item of result.warnings) {
		console.error(`${file}: warning: question "${item.question}": ${item.message}`);
	}
	if (out) {
		writeFileSync(out, result.gift);
		console.error(`Wrote ${out}: ${result.exported} question(s) in GIFT.`);
	} else {
		process.stdout.write(result.gift);
	}
}

function main(): void {
	let parsed;
	try {
		parsed = parseArgs({
			allowPositionals: true,
			options: {
				out: { type: 'string' },
				force: { type: 'boolean' },
				'skip-errors': { type: 'boolean' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		throw new CliError(`${(error as Error).message}\n\n${usage}`, 2);
	}
	const { positionals, values } = parsed;
	const [command, path, ...extra] = positionals;
	if (values.help) {
		console.log(usage);
		return;
	}
	if (command !== 'import' && command !== 'export') {
		const what = command ? `Unknown command "${command}".` : 'No command given.';
		throw new CliError(`${what}\n\n${usage}`, 2);
	}
	if (!path) throw new CliError(`${command} needs a file.\n\n${usage}`, 2);
	if (extra.length > 0)
		throw new CliError(`Unexpected arguments: ${extra.join(' ')}\n\n${usage}`, 2);
	if (command === 'import') {
		runImport(path, values.out ?? '.', values.force, values['skip-errors']);
	} else runExport(path, values.out, values.force);
}

try {
	// `npm run` starts scripts in the project folder; paths are meant from where it was typed.
	const typedIn = process.env.INIT_CWD;
	if (process.env.npm_lifecycle_event === 'gift' && typedIn) process.chdir(typedIn);
	main();
} catch (error) {
	if (!(error instanceof CliError)) throw error;
	console.error(error.message);
	process.exitCode = error.code;
}
