import { waitMessage } from './auth-limits';
import { ClassError, classByCode } from './classes';
import type { Class } from './db/schema';
import { refundTokens, spendTokens, type Bucket, type Limit } from './rate-limit';

// Wrong join codes are limited: a mistyped code is common, guessing one should be pointless.
// Per address generously (a classroom shares one), per signed-in user strictly.
const wrongCodesByAddress: Limit = { name: 'join-code:address', capacity: 60, refillSeconds: 5 };
const wrongCodesByUser: Limit = { name: 'join-code:user', capacity: 10, refillSeconds: 60 };

export class TooManyGuessesError extends Error {
	constructor(readonly waitSeconds: number) {
		super(waitMessage(waitSeconds));
	}
}

/**
 * classByCode for a code someone typed or followed. Each look-up spends a token, given back when
 * the code matches a class (an archived one too: the code was right), so only wrong codes count.
 * Throws TooManyGuessesError when the visitor has guessed wrong too often.
 */
export async function classByTypedCode(
	code: string,
	visitor: { address: string; userId?: number }
): Promise<Class> {
	const buckets: Bucket[] = [[wrongCodesByAddress, visitor.address]];
	if (visitor.userId !== undefined) buckets.push([wrongCodesByUser, String(visitor.userId)]);
	const spending = await spendTokens(buckets);
	if (!spending.allowed) throw new TooManyGuessesError(spending.waitSeconds);
	try {
		const klass = await classByCode(code);
		await refundTokens(buckets);
		return klass;
	} catch (caught) {
		if (caught instanceof ClassError && caught.status === 410) await refundTokens(buckets);
		throw caught;
	}
}
