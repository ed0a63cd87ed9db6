/**
 * Token buckets kept in memory: one process serves the app (adapter-node), so no shared store
 * is needed. Each key starts full; every attempt spends a token; tokens drip back over time.
 */
export class TokenBucket<Key> {
	private buckets = new Map<Key, { tokens: number; updatedAt: number }>();

	constructor(
		readonly capacity: number,
		readonly refillSeconds: number
	) {}

	private current(key: Key, now: number): number {
		const bucket = this.buckets.get(key);
		if (!bucket) return this.capacity;
		const refilled = Math.floor((now - bucket.updatedAt) / (this.refillSeconds * 1000));
		return Math.min(this.capacity, bucket.tokens + refilled);
	}

	/** Spends a token if there is one; returns whether the attempt may go ahead. */
	consume(key: Key, now = Date.now()): boolean {
		const tokens = this.current(key, now);
		const bucket = this.buckets.get(key);
		// Keep the partial refill interval so steady attempts cannot reset the clock.
		const updatedAt =
			bucket && tokens < this.capacity
				? bucket.updatedAt + (tokens - bucket.tokens) * this.refillSeconds * 1000
				: now;
		if (tokens < 1) return false;
		this.buckets.set(key, { tokens: tokens - 1, updatedAt });
		this.prune(now);
		return true;
	}

	/** Seconds until the next token, for telling the person how long to wait. */
	secondsUntilNext(key: Key, now = Date.now()): number {
		const bucket = this.buckets.get(key);
		if (!bucket || this.current(key, now) >= 1) return 0;
		return Math.ceil((bucket.updatedAt + this.refillSeconds * 1000 - now) / 1000);
	}

	// Full buckets carry no information; dropping them bounds memory under many distinct keys.
	private prune(now: number): void {
		if (this.buckets.size < 10_000) return;
		for (const key of this.buckets.keys()) {
			if (this.current(key, now) >= this.capacity) this.buckets.delete(key);
		}
	}
}
