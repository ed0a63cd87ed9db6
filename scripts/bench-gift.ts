// `npm run bench:gift`: imports a synthetic 5 MB GIFT bank (every question titled alike, as
// Moodle exports often are, so ids need -2, -3 … suffixes) and reports the median time and the
// memory. Relative imports only, so tsx runs it without the $lib alias.
import { performance } from 'node:perf_hooks';
import { decodeGift } from '../src/lib/gift/decode.ts';
import { importGift } from '../src/lib/gift/import.ts';

const TARGET_BYTES = 5_000_000;
const RUNS = 3;

function bank(): Buffer {
	const questions: string[] = [];
	let size = 0;
	for (let i = 0; size < TARGET_BYTES; i++) {
		const question = [
			`::Question::Which source was written at the time, number ${i}? {`,
			'\t=A diary#Yes: written on the day.',
			'\t~%50%A letter#Often, but not always.',
			'\t~A textbook#No: written later.',
			'\t####Primary sources are written by those who were there.',
			'}',
			'',
			`::Year::In which year was the group founded, number ${i}? {#=1996:0#Right. =%50%1996:2#Close. ~#No.}`,
			''
		].join('\n');
		questions.push(question);
		size += Buffer.byteLength(question) + 1;
	}
	return Buffer.from(questions.join('\n'));
}

const bytes = bank();
const times: number[] = [];
let questions = 0;
let peakHeap = 0;
for (let run = 0; run < RUNS; run++) {
	const start = performance.now();
	const decoded = decodeGift(bytes);
	if ('error' in decoded) throw new Error(decoded.error.message);
	const result = importGift(decoded.text);
	times.push(performance.now() - start);
	if (!result.ok) throw new Error(`import failed: ${result.errors[0]?.message}`);
	questions = result.quiz.questions.length;
	peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
const mb = (value: number) => (value / 1e6).toFixed(0);
console.log(
	`GIFT import of ${mb(bytes.length)} MB (${questions} questions): median ${(median / 1000).toFixed(1)} s` +
		` of ${RUNS} runs (${times.map((t) => (t / 1000).toFixed(1)).join(', ')} s);` +
		` heap after import ${mb(peakHeap)} MB, resident ${mb(process.memoryUsage().rss)} MB`
);
