CREATE TABLE `question_marks` (
	`class_id` integer NOT NULL,
	`quiz_id` text NOT NULL,
	`attempt_set` text NOT NULL,
	`question_version_id` integer NOT NULL,
	`axis` text NOT NULL,
	`micros` integer NOT NULL,
	`attempts` integer NOT NULL,
	PRIMARY KEY(`class_id`, `quiz_id`, `attempt_set`, `question_version_id`, `axis`, `micros`),
	FOREIGN KEY (`class_id`) REFERENCES `classes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quiz_id`) REFERENCES `quizzes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`question_version_id`) REFERENCES `question_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `review_cards` ADD `lapsed_at` integer;--> statement-breakpoint
CREATE INDEX `review_cards_lapsed_idx` ON `review_cards` (`user_id`,`lapsed_at`) WHERE "review_cards"."lapsed_at" IS NOT NULL;--> statement-breakpoint
-- Cards that have lapsed already: the latest answer (by time, then id) scored 0 after a 1.
UPDATE `review_cards` SET `lapsed_at` = (
	SELECT CASE WHEN l.`score` = 0 AND EXISTS (
		SELECT 1 FROM `review_logs` p WHERE p.`card_id` = `review_cards`.`id` AND p.`score` = 1
	) THEN l.`reviewed_at` END
	FROM `review_logs` l WHERE l.`card_id` = `review_cards`.`id`
	ORDER BY l.`reviewed_at` DESC, l.`id` DESC LIMIT 1
);--> statement-breakpoint
-- question_marks starts empty: forgetting which grading method each quiz's statistics were built
-- with makes the next start rebuild them all (stats-rebuild.ts's reconcileStats), marks included.
DELETE FROM `quiz_stats_grading`;
