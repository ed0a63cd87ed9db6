-- Item analysis groups answers by question, score and what was picked. With this index it walks
-- them in that order (no sort) and never reads or parses a response row. The expression must stay
-- identical to answerChoice in src/lib/server/analytics/item-analysis.ts, or the index goes unused
-- (a test checks the query plan). drizzle-kit cannot write expression indexes, hence by hand.
CREATE INDEX `answers_version_choice_idx` ON `answers` (
	`question_version_id`,
	`score`,
	coalesce(json_extract(response, '$.optionId'), json_extract(response, '$.optionIds'), json_extract(response, '$.value')),
	`attempt_id`
);
