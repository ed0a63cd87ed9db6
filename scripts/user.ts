// `npm run user -- create|promote|reset-link ...`: manage accounts from the shell.
import './load-env.js';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { firstMessage, signUpForm } from '../src/lib/server/auth-forms';
import { closeDatabase, migrateDatabase } from '../src/lib/server/db';
import { roles, type Role } from '../src/lib/server/db/schema';
import {
	createPasswordReset,
	RESET_LIFETIME_HOURS,
	resetPath
} from '../src/lib/server/password-resets';
import { createUser, EmailTakenError, findUserByEmail, setUserRole } from '../src/lib/server/users';

const usage = `Usage:
  npm run user -- create --email EMAIL --name "NAME" [--role student|instructor|admin]
  npm run user -- promote --email EMAIL --role instructor|admin|student
  npm run user -- reset-link --email EMAIL

create asks for the password, or reads it from standard input when piped:
  printf '%s\\n' "$PASSWORD" | npm run user -- create --email a@b.org --name "A B" --role instructor

promote never takes the role from the last admin.

reset-link prints a one-time link (valid ${RESET_LIFETIME_HOURS} hours) for you to hand over; it cancels
the account's earlier unused links. The command cannot know the site's public address, so the
link starts with ORIGIN when it is set, otherwise http://localhost:$PORT (PORT defaulting to 3000).`;

const role = z.enum(roles, { error: `--role must be one of: ${roles.join(', ')}` });

async function readPassword(): Promise<string> {
	const rl = createInterface({
		input: process.stdin,
		output: process.stdin.isTTY ? process.stdout : undefined
	});
	const answer = process.stdin.isTTY
		? await rl.question('Password (at least 8 characters): ')
		: await lineFromPipe(rl);
	rl.close();
	return answer;
}

async function lineFromPipe(rl: ReturnType<typeof createInterface>): Promise<string> {
	for await (const line of rl) return line;
	return '';
}

async function main(): Promise<string> {
	const { positionals, values } = parseArgs({
		allowPositionals: true,
		options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } }
	});
	const [command] = positionals;
	migrateDatabase();

	if (command === 'create') {
		const parsed = signUpForm.safeParse({
			email: values.email,
			displayName: values.name,
			password: await readPassword()
		});
		if (!parsed.success) throw new Error(firstMessage(parsed.error));
		const chosen: Role = role.parse(values.role ?? 'student');
		const user = await createUser({ ...parsed.data, role: chosen });
		return `Created ${user.role} ${user.email} (id ${user.id}).`;
	}
	if (command === 'promote') {
		if (!values.email) throw new Error('--email is required.');
		const chosen = role.parse(values.role);
		const user = await setUserRole(values.email, chosen);
		if (!user) throw new Error(`No account with the email ${values.email}.`);
		return `${user.email} is now ${user.role}.`;
	}
	if (command === 'reset-link') {
		if (!values.email) throw new Error('--email is required.');
		const user = await findUserByEmail(values.email);
		if (!user) throw new Error(`No account with the email ${values.email}.`);
		const { token } = await createPasswordReset(user.id, null);
		const base = process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`;
		return [
			`Reset link for ${user.email}, valid once for ${RESET_LIFETIME_HOURS} hours:`,
			new URL(resetPath(token), base).href,
			'Hand it over yourself; anyone who has it can set the password.'
		].join('\n');
	}
	throw new Error(command ? `Unknown command "${command}".\n\n${usage}` : usage);
}

main()
	.then((message) => console.log(message))
	.catch((error: unknown) => {
		const message =
			error instanceof EmailTakenError || !(error instanceof z.ZodError)
				? (error as Error).message
				: firstMessage(error);
		console.error(message);
		process.exitCode = 1;
	})
	.finally(closeDatabase);
