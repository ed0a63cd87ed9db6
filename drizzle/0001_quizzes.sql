CREATE TABLE `answers` (
	`attempt_id` integer NOT NULL,
	`question_version_id` integer NOT NULL,
	`response` text NOT NULL,
	`score` real NOT NULL,
	`answered_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_version_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attempt_questions` (
	`attempt_id` integer NOT NULL,
	`position` integer NOT NULL,
	`question_version_id` integer NOT NULL,
	`layout` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `position`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_questions_version_unique` ON `attempt_questions` (`attempt_id`,`question_version_id`);--> statement-breakpoint
CREATE TABLE `attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`status` text NOT NULL,
	`score` real,
	`started_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempts_user_quiz_idx` ON `attempts` (`user_id`,`quiz_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_one_open_per_quiz` ON `attempts` (`user_id`,`quiz_id`) WHERE "attempts"."status" = 'in_progress';--> statement-breakpoint
CREATE TABLE `question_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quiz_id` text NOT NULL,
	`question_key` text NOT NULL,
	`content_hash` text NOT NULL,
	`type` text NOT NULL,
	`body` text NOT NULL,
	`position` integer NOT NULL,
	`is_current` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_versions_content_unique` ON `question_versions` (`quiz_id`,`question_key`,`content_hash`);--> statement-breakpoint
CREATE INDEX `question_versions_current_idx` ON `question_versions` (`quiz_id`,`is_current`,`position`);--> statement-breakpoint
CREATE TABLE `quizzes` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`max_attempts` integer,
	`grading` text NOT NULL,
	`shuffle_options` integer NOT NULL,
	`feedback` text NOT NULL,
	`updated_at` integer NOT NULL
);
