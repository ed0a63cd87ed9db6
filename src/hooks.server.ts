import { building } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { validateSessionToken } from '$lib/server/auth';
import { config } from '$lib/server/config';
import { closeDatabase, migrateDatabase } from '$lib/server/db';
import { describeErrorSafely } from '$lib/server/db/errors';
import { expectedLearner } from '$lib/server/expected-learner';
import { formBody } from '$lib/server/form-body';
import { log } from '$lib/server/log';
import { syncQuizzes } from '$lib/server/quiz/sync';
import { reconcileStats } from '$lib/server/analytics/stats-rebuild';
import { LEARNER_HEADER } from '$lib/offline/rules';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/session-cookie';
import { course } from '$lib/content/course';

export const init: ServerInit = () => {
	if (building) return;
	// `npm start` migrates once, in its primary, before forking the workers that run this.
	if (!process.env.COURSE_MIGRATED) migrateDatabase();
	const quizzes = syncQuizzes();
	// After the migration that added them, and after a quiz's grading method changed.
	const rebuiltStats = reconcileStats();
	const lessons = course.reduce((sum, module) => sum + module.lessons.length, 0);
	log.info('ready', {
		database: config.databasePath,
		modules: course.length,
		lessons,
		quizzes: quizzes.quizzes,
		newQuestionVersions: quizzes.newVersions,
		rebuiltStats: rebuiltStats.length
	});
	// adapter-node announces a graceful shutdown; closing checkpoints the WAL into the main file.
	(process as NodeJS.EventEmitter).once('sveltekit:shutdown', closeDatabase);
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const validated = await validateSessionToken(token);
		if (validated) {
			event.locals.user = validated.user;
			event.locals.session = validated.session;
			if (validated.renewed) setSessionCookie(event, token, validated.session.expiresAt);
		} else {
			deleteSessionCookie(event);
		}
	}
	return resolve(event);
};

// nosniff, frame and referrer headers go on every response, static files too, in
// scripts/server/headers.js; these depend on who is asking.
const privateCaching: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Pages that depend on who is signed in must not be stored by shared caches; the service
	// worker keeps only one learner's pages on a device (see src/service-worker/).
	if (event.locals.user) {
		response.headers.set('cache-control', 'private, no-store');
		response.headers.set(LEARNER_HEADER, String(event.locals.user.id));
	}
	return response;
};

export const handle = sequence(authenticate, expectedLearner, privateCaching, formBody);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message: 'Not found' };
	const errorId = crypto.randomUUID();
	// Name and message only: a stack trace or the request could carry secrets into the log.
	const { name, detail } = describeErrorSafely(error);
	// SvelteKit's own 4xx refusals (a malformed path, a method a route lacks) come here too: they
	// are the client's mistake, worth a warning, not an error.
	const fields = { errorId, status, route: event.route.id, name, detail };
	if (status >= 500) log.error('unexpected_error', fields);
	else log.warn('request_refused', fields);
	return { message: status >= 500 ? 'Something went wrong on our side.' : message, errorId };
};
