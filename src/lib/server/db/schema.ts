import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	foreignKey,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

export const roles = ['student', 'instructor', 'admin'] as const;
export type Role = (typeof roles)[number];

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		// Stored normalised (see normaliseEmail); the index below still guards case at the database.
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role', { enum: roles }).notNull().default('student'),
		passwordHash: text('password_hash').notNull(),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(table) => [
		uniqueIndex('users_email_lower_unique').on(sql`lower(${table.email})`),
		check('users_role_known', sql`${table.role} in ('student', 'instructor', 'admin')`)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		// SHA-256 of the token's secret half; the secret itself is never stored.
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(table) => [index('sessions_user_id_idx').on(table.userId)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

/** One row per quiz file; settings follow the file, synced when the server starts. */
export const quizzes = sqliteTable('quizzes', {
	id: text('id').primaryKey(), // `${moduleSlug}/${lessonSlug}`
	title: text('title').notNull(),
	maxAttempts: integer('max_attempts'),
	grading: text('grading', { enum: ['highest', 'last', 'average'] }).notNull(),
	shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull(),
	feedback: text('feedback', { enum: ['immediate', 'deferred'] }).notNull(),
	updatedAt: timestamp('updated_at').notNull()
});

/**
 * Every distinct content of a question is kept as its own version, so an edited question
 * never changes what an earlier answer meant; `isCurrent` marks the versions new attempts get.
 */
export const questionVersions = sqliteTable(
	'question_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		quizId: text('quiz_id')
			.notNull()
			.references(() => quizzes.id),
		questionKey: text('question_key').notNull(),
		contentHash: text('content_hash').notNull(),
		type: text('type').notNull(),
		body: text('body', { mode: 'json' }).notNull(),
		position: integer('position').notNull(),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(table) => [
		uniqueIndex('question_versions_content_unique').on(
			table.quizId,
			table.questionKey,
			table.contentHash
		),
		index('question_versions_current_idx').on(table.quizId, table.isCurrent, table.position)
	]
);

export const attemptStatuses = ['in_progress', 'submitted'] as const;

export const attempts = sqliteTable(
	'attempts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id')
			.notNull()
			.references(() => quizzes.id),
		status: text('status', { enum: attemptStatuses }).notNull(),
		/** Share of the attempt's questions answered correctly, 0–1; set on submission. */
		score: real('score'),
		startedAt: timestamp('started_at').notNull(),
		submittedAt: timestamp('submitted_at')
	},
	(table) => [
		index('attempts_user_quiz_idx').on(table.userId, table.quizId),
		index('attempts_quiz_status_idx').on(table.quizId, table.status),
		// Two tabs starting the same quiz get the same attempt, never two.
		uniqueIndex('attempts_one_open_per_quiz')
			.on(table.userId, table.quizId)
			.where(sql`${table.status} = 'in_progress'`)
	]
);

/** The questions an attempt was given, in order, with their shuffled layout (stable per attempt). */
export const attemptQuestions = sqliteTable(
	'attempt_questions',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersions.id),
		layout: text('layout', { mode: 'json' }).notNull()
	},
	(table) => [
		primaryKey({ columns: [table.attemptId, table.position] }),
		uniqueIndex('attempt_questions_version_unique').on(table.attemptId, table.questionVersionId)
	]
);

export const answers = sqliteTable(
	'answers',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempts.id, { onDelete: 'cascade' }),
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersions.id),
		response: text('response', { mode: 'json' }).notNull(),
		score: real('score').notNull(),
		answeredAt: timestamp('answered_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.attemptId, table.questionVersionId] }),
		// Rebuilding the statistics reads each attempt's total from this index alone. (An index on
		// the choice made, drizzle/0004, served the item analysis's scan of the answers; 0009 drops it
		// now that the analysis reads question_stats instead.)
		index('answers_attempt_score_idx').on(table.attemptId, table.questionVersionId, table.score)
	]
);

/**
 * An instructor's mark for an answer graded by hand (an essay), which the answer's own score then
 * equals. An essay answer without a row here awaits grading; regrading rewrites the row.
 */
export const essayMarks = sqliteTable(
	'essay_marks',
	{
		attemptId: integer('attempt_id').notNull(),
		questionVersionId: integer('question_version_id').notNull(),
		/** The share of the question's mark given, 0–1. */
		mark: real('mark').notNull(),
		comment: text('comment'),
		graderId: integer('grader_id').references(() => users.id, { onDelete: 'set null' }),
		markedAt: timestamp('marked_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.attemptId, table.questionVersionId] }),
		foreignKey({
			columns: [table.attemptId, table.questionVersionId],
			foreignColumns: [answers.attemptId, answers.questionVersionId]
		}).onDelete('cascade'),
		check('essay_marks_mark_range', sql`${table.mark} between 0 and 1`)
	]
);

export type Attempt = typeof attempts.$inferSelect;
export type QuestionVersion = typeof questionVersions.$inferSelect;

/** Where a learner is in a lesson. One row per learner and lesson, so two tabs write one record. */
export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lessonKey: text('lesson_key').notNull(), // `${moduleSlug}/${lessonSlug}`
		/** Section ids reached (headings, then "end"); the percentage read is their share. */
		sectionsReached: text('sections_reached', { mode: 'json' }).$type<string[]>().notNull(),
		percent: integer('percent').notNull(),
		lastSection: text('last_section'),
		activeSeconds: integer('active_seconds').notNull(),
		/** Each visit's active time is capped; the visit id lets repeated pings add up within one. */
		visitId: text('visit_id'),
		visitSeconds: integer('visit_seconds').notNull(),
		startedAt: timestamp('started_at').notNull(),
		completedAt: timestamp('completed_at'),
		updatedAt: timestamp('updated_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.lessonKey] }),
		index('lesson_progress_recent_idx').on(table.userId, table.updatedAt)
	]
);

/** A question a learner has answered, scheduled for review with FSRS (ts-fsrs's card fields). */
export const reviewCards = sqliteTable(
	'review_cards',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id').notNull(),
		questionKey: text('question_key').notNull(),
		due: timestamp('due').notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		state: integer('state').notNull(),
		lastReview: timestamp('last_review'),
		/** The layout the card was last shown with, so an answer's positions can be read back. */
		layout: text('layout', { mode: 'json' }),
		createdAt: timestamp('created_at').notNull(),
		/**
		 * When the card lapsed, as the mastery rule counts it: its latest answer scored 0 and an
		 * earlier one 1. Null otherwise. Kept as answers are logged, so "mastery dropping" on the class
		 * page reads a row per card, not each card's history.
		 */
		lapsedAt: timestamp('lapsed_at')
	},
	(table) => [
		uniqueIndex('review_cards_question_unique').on(table.userId, table.quizId, table.questionKey),
		index('review_cards_due_idx').on(table.userId, table.due),
		index('review_cards_lapsed_idx')
			.on(table.userId, table.lapsedAt)
			.where(sql`${table.lapsedAt} IS NOT NULL`)
	]
);

/** Every review answer; kept apart from attempts, so reviewing never changes a graded score. */
export const reviewLogs = sqliteTable(
	'review_logs',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		cardId: integer('card_id')
			.notNull()
			.references(() => reviewCards.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		rating: integer('rating').notNull(),
		score: real('score').notNull(),
		response: text('response', { mode: 'json' }).notNull(),
		reviewedAt: timestamp('reviewed_at').notNull(),
		/** The id the browser gave an answer made offline; null for answers made on the review page. */
		clientId: text('client_id'),
		/**
		 * The card's state this answer was applied to (see StoredCardState), so that an older answer
		 * synced late can be slotted in and the later ones replayed. Null for answers logged before
		 * offline sync existed.
		 */
		stateBefore: text('state_before', { mode: 'json' })
	},
	(table) => [
		index('review_logs_user_time_idx').on(table.userId, table.reviewedAt),
		uniqueIndex('review_logs_client_unique').on(table.userId, table.clientId),
		// A card's history in order: for lapses (its last answer, and any right one before) and
		// for deleting a card's logs with it.
		index('review_logs_card_time_idx').on(table.cardId, table.reviewedAt, table.score)
	]
);

export const syncKinds = ['reading', 'review', 'answer'] as const;

/**
 * What a browser's queued request (a reading checkpoint, an offline review, a quiz answer) has
 * already done, by the id the browser gave it: written in the same transaction as the change, so
 * a replay (a retry after a lost reply, two tabs) finds it and changes nothing. Pruned after 60
 * days (see sync-receipts.ts): a queue waits hours or days for a connection, not months.
 */
export const syncReceipts = sqliteTable(
	'sync_receipts',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		clientId: text('client_id').notNull(),
		kind: text('kind', { enum: syncKinds }).notNull(),
		createdAt: timestamp('created_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.userId, table.clientId] }),
		index('sync_receipts_user_time_idx').on(table.userId, table.createdAt)
	]
);

export type LessonProgress = typeof lessonProgress.$inferSelect;
export type ReviewCard = typeof reviewCards.$inferSelect;

/** A class an instructor teaches; students join it with its code. */
export const classes = sqliteTable(
	'classes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		instructorId: integer('instructor_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** Rotating the code stops the old one working; archiving stops all joins. */
		joinCode: text('join_code').notNull(),
		archivedAt: timestamp('archived_at'),
		createdAt: timestamp('created_at').notNull()
	},
	(table) => [
		uniqueIndex('classes_join_code_unique').on(table.joinCode),
		index('classes_instructor_idx').on(table.instructorId)
	]
);

export const classMembers = sqliteTable(
	'class_members',
	{
		classId: integer('class_id')
			.notNull()
			.references(() => classes.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: timestamp('joined_at').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.classId, table.userId] }),
		index('class_members_user_idx').on(table.userId)
	]
);

export type Class = typeof classes.$inferSelect;

/**
 * Token buckets for rate limits, in the database so that every server process sharing the file
 * sees the same counts. `key` names the limit and what it counts (`sign-in:acct-addr:…`).
 */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	tokens: real('tokens').notNull(),
	updatedAt: integer('updated_at').notNull()
});

/**
 * One-time password-reset links an admin hands to a user. Only a SHA-256 of the token is kept;
 * `usedAt` is set when it is redeemed, and a link past `expiresAt` is refused.
 */
export const passwordResets = sqliteTable(
	'password_resets',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull(),
		usedAt: timestamp('used_at')
	},
	(table) => [index('password_resets_user_idx').on(table.userId)]
);

/**
 * Devices a user has signed in on (OWASP's "device cookies"): a sign-in from one of them is
 * limited per device, not by address or the account's ceiling, so guessing from elsewhere cannot
 * lock the owner out. Only a SHA-256 of the cookie's secret is kept.
 */
export const signInDevices = sqliteTable(
	'sign_in_devices',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		lastUsedAt: timestamp('last_used_at').notNull()
	},
	(table) => [index('sign_in_devices_user_idx').on(table.userId, table.lastUsedAt)]
);

/**
 * Which of a class's attempts at a quiz the statistics rest on, as Moodle's statistics report
 * offers: the attempt that counts for each student's grade (by the quiz's grading method; all of
 * them under "average"), each student's first attempt, or every submitted attempt.
 */
export const attemptSets = ['counted', 'first', 'all'] as const;
export type AttemptSet = (typeof attemptSets)[number];

const statsKey = {
	classId: integer('class_id')
		.notNull()
		.references(() => classes.id, { onDelete: 'cascade' }),
	quizId: text('quiz_id')
		.notNull()
		.references(() => quizzes.id),
	attemptSet: text('attempt_set', { enum: attemptSets }).notNull()
};

/**
 * Sufficient statistics of a class's attempts at a quiz, kept up to date as attempts are
 * submitted (see src/lib/server/analytics/stats-upkeep.ts), so reports read a row, not the
 * attempts. g is an attempt's grade (its score, 0–1), t its total (the sum of its item scores).
 */
export const quizStats = sqliteTable(
	'quiz_stats',
	{
		...statsKey,
		students: integer('students').notNull(),
		attempts: integer('attempts').notNull(),
		sumGrade: real('sum_grade').notNull(),
		sumGrade2: real('sum_grade2').notNull(),
		sumGrade3: real('sum_grade3').notNull(),
		sumGrade4: real('sum_grade4').notNull(),
		sumTotal: real('sum_total').notNull(),
		sumTotal2: real('sum_total2').notNull()
	},
	(table) => [primaryKey({ columns: [table.classId, table.quizId, table.attemptSet] })]
);

/** How many of those attempts had each grade (in millionths), for the median. */
export const gradeCounts = sqliteTable(
	'grade_counts',
	{
		...statsKey,
		gradeMicros: integer('grade_micros').notNull(),
		attempts: integer('attempts').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.classId, table.quizId, table.attemptSet, table.gradeMicros] })
	]
);

/**
 * Per question version, over the attempts given it: x is the item score (0 when unanswered),
 * t the attempt's total. Enough for facility, SD and the item–rest correlation.
 */
export const questionStats = sqliteTable(
	'question_stats',
	{
		...statsKey,
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersions.id),
		attempts: integer('attempts').notNull(),
		answered: integer('answered').notNull(),
		sumScore: real('sum_score').notNull(),
		sumScore2: real('sum_score2').notNull(),
		sumScoreTotal: real('sum_score_total').notNull(),
		sumTotal: real('sum_total').notNull(),
		sumTotal2: real('sum_total2').notNull()
	},
	(table) => [
		primaryKey({
			columns: [table.classId, table.quizId, table.attemptSet, table.questionVersionId]
		})
	]
);

/** Attempts picking each choice of a question version (an option id, or 'true'/'false'). */
export const choiceCounts = sqliteTable(
	'choice_counts',
	{
		...statsKey,
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersions.id),
		choice: text('choice').notNull(),
		attempts: integer('attempts').notNull()
	},
	(table) => [
		primaryKey({
			columns: [
				table.classId,
				table.quizId,
				table.attemptSet,
				table.questionVersionId,
				table.choice
			]
		})
	]
);

/**
 * How many attempts gave a question version each item score (axis 'score') and each rest-of-quiz
 * score (axis 'rest', the attempt's total less the item), in millionths: sorted, the two pair up
 * into the largest covariance the marginals allow, which discriminative efficiency divides by.
 */
export const questionMarks = sqliteTable(
	'question_marks',
	{
		...statsKey,
		questionVersionId: integer('question_version_id')
			.notNull()
			.references(() => questionVersions.id),
		axis: text('axis', { enum: ['score', 'rest'] }).notNull(),
		micros: integer('micros').notNull(),
		attempts: integer('attempts').notNull()
	},
	(table) => [
		primaryKey({
			columns: [
				table.classId,
				table.quizId,
				table.attemptSet,
				table.questionVersionId,
				table.axis,
				table.micros
			]
		})
	]
);

/**
 * The grading method the "counted" statistics of each quiz were built with; a quiz missing here,
 * or whose method has changed since, is rebuilt when the server starts.
 */
export const quizStatsGrading = sqliteTable('quiz_stats_grading', {
	quizId: text('quiz_id')
		.primaryKey()
		.references(() => quizzes.id),
	grading: text('grading', { enum: ['highest', 'last', 'average'] }).notNull()
});

/**
 * One row per learner and quiz (a quiz's id is its lesson's key): the grade by each method and
 * the latest activity, kept up to date with the attempts so the class grid reads no attempt.
 */
export const quizSummaries = sqliteTable(
	'quiz_summaries',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		quizId: text('quiz_id')
			.notNull()
			.references(() => quizzes.id),
		/** Submitted attempts; the grades below are null without any. */
		attempts: integer('attempts').notNull(),
		highest: real('highest'),
		last: real('last'),
		average: real('average'),
		/** The grade of the submitted attempt before the last, for "failed twice in a row". */
		previous: real('previous'),
		/** The latest start or submission of any attempt, open ones included. */
		lastActiveAt: timestamp('last_active_at').notNull()
	},
	(table) => [primaryKey({ columns: [table.userId, table.quizId] })]
);
