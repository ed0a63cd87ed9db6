CREATE TABLE `sync_receipts` (
	`user_id` integer NOT NULL,
	`client_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `client_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_receipts_user_time_idx` ON `sync_receipts` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `review_logs` ADD `client_id` text;--> statement-breakpoint
ALTER TABLE `review_logs` ADD `state_before` text;--> statement-breakpoint
CREATE UNIQUE INDEX `review_logs_client_unique` ON `review_logs` (`user_id`,`client_id`);