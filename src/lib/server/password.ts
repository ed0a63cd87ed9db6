import { hash, verify } from '@node-rs/argon2';

// OWASP's recommended argon2id settings (19 MiB, 2 passes, 1 lane); argon2id is the library default.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password.normalize('NFKC'));
}

// A real hash to verify against when the email is unknown, so both answers take as long.
const decoyHash = hashPassword('decoy password that matches no account');

export async function spendVerificationTime(password: string): Promise<false> {
	await verify(await decoyHash, password);
	return false;
}
