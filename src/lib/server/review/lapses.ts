// review_cards.lapsed_at, the "mastery dropping" signal the class page reads, recomputed from a
// card's logs whenever one is added: answers synced late can land before the latest one, so the
// latest answer is found by time, not by arrival.
import { statement } from '../db/prepared';

const LAPSED_AT = `(
	SELECT CASE WHEN l.score = 0 AND EXISTS (
		SELECT 1 FROM review_logs p WHERE p.card_id = review_cards.id AND p.score = 1
	) THEN l.reviewed_at END
	FROM review_logs l WHERE l.card_id = review_cards.id
	ORDER BY l.reviewed_at DESC, l.id DESC LIMIT 1
)`;

/** Brings one card's lapsed_at up to date; call in the transaction that logs its answer. */
export function refreshLapse(cardId: number): void {
	statement(`UPDATE review_cards SET lapsed_at = ${LAPSED_AT} WHERE id = ?`).run(cardId);
}

/** Recomputes every card's lapsed_at (for review logs written in bulk, as the benchmark does). */
export function refreshAllLapses(): void {
	statement(`UPDATE review_cards SET lapsed_at = ${LAPSED_AT}`).run();
}
