CREATE TABLE `essay_marks` (
	`attempt_id` integer NOT NULL,
	`question_version_id` integer NOT NULL,
	`mark` real NOT NULL,
	`comment` text,
	`grader_id` integer,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `question_version_id`),
	FOREIGN KEY (`grader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`attempt_id`,`question_version_id`) REFERENCES `answers`(`attempt_id`,`question_version_id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "essay_marks_mark_range" CHECK("essay_marks"."mark" between 0 and 1)
);
