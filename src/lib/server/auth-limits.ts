import type { Bucket, Limit } from './rate-limit';

// Every check of a password is limited, in the database (see rate-limit.ts) so that the limits
// hold across server processes. README's "Accounts and roles" lists the numbers.

// Sign-in is limited three ways. Per address, generously: a whole classroom may share one.
const signInByAddress: Limit = { name: 'sign-in:address', capacity: 60, refillSeconds: 2 };
// Per account and address, strictly: guessing from one place is slow, yet someone who burns
// this limit on an instructor's email does not lock the instructor out at their own address.
const signInByAccountAddress: Limit = {
	name: 'sign-in:account-address',
	capacity: 8,
	refillSeconds: 60
};
// Per account from everywhere: a ceiling on guessing spread over many addresses (100 at once,
// then 100 an hour), high enough that emptying it takes thirteen addresses' pair limits.
const signInByAccount: Limit = { name: 'sign-in:account', capacity: 100, refillSeconds: 36 };

// From a browser that has signed in to this account before (sign-in-devices.ts), only per device:
// what strangers do at the same address or to the account cannot lock its owner out there.
const signInByDevice: Limit = { name: 'sign-in:device', capacity: 8, refillSeconds: 60 };

export function signInBuckets(email: string, address: string, device: string | null): Bucket[] {
	if (device) return [[signInByDevice, device]];
	return [
		[signInByAddress, address],
		[signInByAccountAddress, JSON.stringify([email, address])],
		[signInByAccount, email]
	];
}

export const signUpByAddress: Limit = { name: 'sign-up:address', capacity: 30, refillSeconds: 60 };
// Per email being signed up: slows anyone probing which addresses have accounts.
export const signUpByEmail: Limit = { name: 'sign-up:email', capacity: 5, refillSeconds: 600 };

/** Checks of a signed-in user's password (deleting the account, changing the password). */
export const passwordCheckByUser: Limit = {
	name: 'password-check:user',
	capacity: 8,
	refillSeconds: 60
};

export function waitMessage(seconds: number): string {
	const wait = seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
	return `Too many attempts. Please wait ${wait} and try again.`;
}
