// `npm run bench:http`: a whole class pressing "Check" at once. Starts the built server as
// `npm start` does (building first if the build is missing or older than the sources) on a
// temporary database and a free loopback port, signs up BENCH_STUDENTS students through the
// sign-up form, opens an attempt for each at every quiz, then drives GET /healthz, answer posts
// (every question type, each post a question not yet answered, half as a browser without
// JavaScript posts them, half as `use:enhance` does, with the page data it loads after a
// redirect result) and lesson pages at 10, 50 and 100 connections, each run bounded by
// BENCH_SECONDS and by a count. Afterwards it checks that the database holds exactly the answers
// the server acknowledged.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { query } from '../tests/helpers/db';
import { projectRoot, startServer } from '../tests/helpers/server';
import {
	acknowledged,
	answerQueue,
	courseQuizzes,
	followUp,
	postHeaders,
	signUpStudents
} from './bench-http/classroom';
import { runLoad, type NextRequest, type RunResult } from './bench-http/load';
import { takeServerTiming, timesRequests, type ServerTiming } from './bench-http/server-timing';

const STUDENTS = Number(process.env.BENCH_STUDENTS || 300);
const SECONDS = Number(process.env.BENCH_SECONDS || 8);
const LEVELS = (process.env.BENCH_CONNECTIONS || '10,50,100').split(',').map(Number);
/** Some of `healthz,answer,lesson` only, e.g. to profile one route. */
const ROUTES = new Set((process.env.BENCH_ROUTES || 'healthz,answer,lesson').split(','));
/** Another copy of the project to serve (its build and scripts), e.g. an older commit's. */
const ROOT = process.env.BENCH_ROOT;
/** A folder for the server's CPU profiles (node --cpu-prof), written when it stops. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
/** The most requests one run of a GET route may make. */
const GET_CAP = 100_000;

function newestFile(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
		if (entry.isFile())
			newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
	return newest;
}

function buildIfNeeded() {
	const handler = join(projectRoot, 'build', 'handler.js');
	const sources = Math.max(
		newestFile(join(projectRoot, 'src')),
		newestFile(join(projectRoot, 'lessons'))
	);
	if (existsSync(handler) && statSync(handler).mtimeMs >= sources) return;
	console.log('Building the app first (npm run build)…');
	execSync('npm run build', { cwd: projectRoot, stdio: 'inherit' });
}

function lessonPaths(): string[] {
	const lessons = join(projectRoot, 'lessons');
	const slug = (name: string) => name.replace(/^\d+-/, '');
	return readdirSync(lessons, { withFileTypes: true })
		.filter((module) => module.isDirectory())
		.flatMap((module) =>
			readdirSync(join(lessons, module.name), { withFileTypes: true })
				.filter((lesson) => lesson.isDirectory())
				.map((lesson) => `/learn/${slug(module.name)}/${slug(lesson.name)}`)
		);
}

const ms = (value: number) => `${Math.round(value)} ms`;

function printRun(run: RunResult, own: ServerTiming | null) {
	const statuses = Object.entries(run.statuses)
		.map(([status, n]) => `${status}×${n}`)
		.join(' ');
	console.log(
		[
			`${run.route.padEnd(12)} ${String(run.connections).padStart(3)} conn`,
			`${run.perSecond.toFixed(0).padStart(6)} req/s`,
			`p50 ${ms(run.p50)}`,
			`p99 ${ms(run.p99)}`,
			`max ${ms(run.max)}`,
			...(run.followUps
				? [`with follow-up (${run.followUps}) p50 ${ms(run.roundP50)} p99 ${ms(run.roundP99)}`]
				: []),
			...(own ? [`in the server p50 ${ms(own.p50)} p99 ${ms(own.p99)}`] : []),
			`first byte ≤ ${ms(run.firstByteMax)}${run.probesUnanswered ? ` (${run.probesUnanswered} unanswered)` : ''}`,
			`CPU ${run.usage.cores.toFixed(2)} cores`,
			`RSS ${run.usage.rssMegabytes.toFixed(0)} MB (${run.usage.processes} proc)`,
			`[${statuses}${run.errors ? ` errors×${run.errors}` : ''}${run.timeouts ? ` timeouts×${run.timeouts}` : ''}]`
		].join('  ')
	);
}

if (!ROOT) buildIfNeeded();
const timed = timesRequests(ROOT ?? projectRoot);
const server = await startServer({
	env: {
		...(process.env.WORKERS ? { WORKERS: process.env.WORKERS } : {}),
		...(timed ? { REQUEST_TIMING: '1' } : {})
	},
	root: ROOT,
	nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []
});
try {
	const started = performance.now();
	const students = await signUpStudents(server.url, STUDENTS);
	const quizzes = courseQuizzes();
	const posts = await answerQueue(students, quizzes);
	const types = new Set(quizzes.flatMap((quiz) => quiz.questions.map((q) => q.type)));
	console.log(
		`${students.length} students signed up, ${students.length * quizzes.length} attempts open, ` +
			`${posts.length} answer posts ready (${[...types].join(', ')}) ` +
			`in ${((performance.now() - started) / 1000).toFixed(0)} s`
	);
	console.log(
		`Each run: ${SECONDS} s at most; the server's CPU is summed over its processes ` +
			`(2.00 = two cores busy); the load generator runs in this process on the same machine.\n`
	);

	const acked = new Set<string>();
	const lessons = lessonPaths();
	let nextPost = 0;
	let nextLesson = 0;
	const summary: string[] = [];
	for (const [level, connections] of LEVELS.entries()) {
		const base = { url: server.url, serverPid: server.pid, connections, seconds: SECONDS };
		const run = async (
			name: string,
			options: Omit<Parameters<typeof runLoad>[0], keyof typeof base>
		) => {
			if (!ROUTES.has(name)) return null;
			await takeServerTiming(server, timed); // what came before this run is not counted
			const result = await runLoad({ ...base, ...options });
			const own = await takeServerTiming(server, timed);
			printRun(result, own);
			return { ...result, own };
		};
		const health = await run('healthz', {
			route: 'GET /healthz',
			amount: GET_CAP,
			next: (): NextRequest => ({ method: 'GET', path: '/healthz' })
		});
		// What is left is shared out among the levels still to run.
		const share = Math.floor((posts.length - nextPost) / (LEVELS.length - level));
		const answers = await run('answer', {
			route: 'POST answer',
			amount: share,
			next: (): NextRequest => {
				const post = posts[nextPost++]!;
				return {
					method: 'POST',
					path: post.path,
					headers: postHeaders(post, server.url),
					body: post.body,
					onResponse: (status, body, headers) => {
						if (acknowledged(post, status, body, headers))
							acked.add(`${post.attemptId}/${post.questionKey}`);
						return followUp(post, status, body, headers);
					}
				};
			}
		});
		const lesson = await run('lesson', {
			route: 'GET lesson',
			amount: GET_CAP,
			next: (): NextRequest => {
				const student = students[nextLesson % students.length]!;
				const path = lessons[nextLesson++ % lessons.length]!;
				const cookie = [...student.cookies].map(([name, value]) => `${name}=${value}`);
				return {
					method: 'GET',
					path,
					headers: {
						cookie: cookie.join('; '),
						'x-forwarded-for': student.address,
						'accept-encoding': 'br, gzip'
					}
				};
			}
		});
		const firstByte = Math.max(...[health, answers, lesson].map((r) => r?.firstByteMax ?? 0));
		const line =
			`${connections} connections: ` +
			(answers
				? `answers ${answers.perSecond.toFixed(0)}/s at p99 ${ms(answers.p99)} ` +
					`(until the feedback shows ${ms(answers.roundP99)}` +
					(answers.own ? `; in the server ${ms(answers.own.p99)}` : '') +
					'), '
				: '') +
			(answers && health ? `${(answers.perSecond / health.perSecond).toFixed(2)}× healthz; ` : '') +
			`longest first byte ${ms(firstByte)}`;
		summary.push(line);
		console.log(`→ ${line}\n`);
	}

	await server.signal('SIGTERM');
	const saved = query<{ attemptId: number; questionKey: string; copies: number }>(
		server.databasePath,
		`select a.attempt_id as attemptId, v.question_key as questionKey, count(*) as copies
		from answers a join question_versions v on v.id = a.question_version_id
		group by a.attempt_id, v.question_key`
	);
	const inDatabase = new Set(saved.map((row) => `${row.attemptId}/${row.questionKey}`));
	const lost = [...acked].filter((key) => !inDatabase.has(key)).length;
	const duplicated = saved.filter((row) => row.copies > 1).length;
	const unacknowledged = [...inDatabase].filter((key) => !acked.has(key)).length;
	console.log('Summary (the machine may be shared: compare runs made back to back)');
	for (const line of summary) console.log(`  ${line}`);
	console.log(
		`Database check: ${acked.size} answers acknowledged, ${inDatabase.size} saved; ` +
			`${lost} lost, ${duplicated} duplicated` +
			(unacknowledged
				? `, ${unacknowledged} saved without an acknowledgement (cut off at a run's end)`
				: '')
	);
	if (lost || duplicated) process.exitCode = 1;
} catch (error) {
	// What the server said is the first thing to read when a run fails.
	console.error(server.output().split('\n').slice(-30).join('\n'));
	throw error;
} finally {
	await server.stop();
}
