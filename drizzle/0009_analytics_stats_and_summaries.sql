-- Statistics kept up to date on write (see src/lib/server/analytics/stats-upkeep.ts). Existing
-- attempts are counted in when the server next starts: every quiz without a quiz_stats_grading row
-- is rebuilt then (src/lib/server/analytics/stats-rebuild.ts).
CREATE TABLE `choice_counts` (
	`class_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempt_set` text NOT NULL,
	`question_version_id` integer NOT NULL,
	`choice` text NOT NULL,
	`attempts` integer NOT NULL,
	PRIMARY KEY(`class_id`, `quiz_id`, `attempt_set`, `question_version_id`, `choice`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `grade_counts` (
	`class_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempt_set` text NOT NULL,
	`grade_micros` integer NOT NULL,
	`attempts` integer NOT NULL,
	PRIMARY KEY(`class_id`, `quiz_id`, `attempt_set`, `grade_micros`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `question_stats` (
	`class_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempt_set` text NOT NULL,
	`question_version_id` integer NOT NULL,
	`attempts` integer NOT NULL,
	`answered` integer NOT NULL,
	`sum_score` real NOT NULL,
	`sum_score2` real NOT NULL,
	`sum_score_total` real NOT NULL,
	`sum_total` real NOT NULL,
	`sum_total2` real NOT NULL,
	PRIMARY KEY(`class_id`, `quiz_id`, `attempt_set`, `question_version_id`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_stats` (
	`class_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempt_set` text NOT NULL,
	`students` integer NOT NULL,
	`attempts` integer NOT NULL,
	`sum_grade` real NOT NULL,
	`sum_grade2` real NOT NULL,
	`sum_grade3` real NOT NULL,
	`sum_grade4` real NOT NULL,
	`sum_total` real NOT NULL,
	`sum_total2` real NOT NULL,
	PRIMARY KEY(`class_id`, `quiz_id`, `attempt_set`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_stats_grading` (
	`quiz_id` text PRIMARY KEY NOT NULL,
	`grading` text NOT NULL,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `quiz_summaries` (
	`user_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`highest` real,
	`last` real,
	`average` real,
	`previous` real,
	`last_active_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `quiz_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Item analysis no longer scans the answers (it reads question_stats and choice_counts), so the
-- index 0004 made for that scan only slows down saving an answer.
DROP INDEX IF EXISTS `answers_version_choice_idx`;
