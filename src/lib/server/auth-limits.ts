import { TokenBucket } from './rate-limit';

// Generous per address, since a whole classroom may share one; strict per account.
export const signInByAddress = new TokenBucket<string>(60, 2);
export const signInByAccount = new TokenBucket<string>(8, 60);
export const signUpByAddress = new TokenBucket<string>(30, 60);
// Per email being signed up: slows anyone probing which addresses have accounts.
export const signUpByAccount = new TokenBucket<string>(5, 600);

export function waitMessage(seconds: number): string {
	const wait = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
	return `Too many attempts. Please wait ${wait} and try again.`;
}
