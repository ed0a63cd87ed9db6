import type { Role } from '../../src/lib/server/db/schema';
import { userCommand } from './cli';
import { newAccount, Visitor } from './client';
import { query } from './db';
import type { TestServer } from './server';

export interface Person {
	visitor: Visitor;
	account: ReturnType<typeof newAccount>;
	id: number;
}

/** Signs up through the form; instructors and admins are then made as the README says. */
export async function signUp(
	server: TestServer,
	role: Role = 'student',
	overrides: Partial<ReturnType<typeof newAccount>> = {}
): Promise<Person> {
	const account = newAccount(overrides);
	const visitor = new Visitor(server.url);
	const response = await visitor.post('/sign-up', account);
	if (response.status !== 303) throw new Error(`sign-up failed: ${response.status}`);
	if (role !== 'student') {
		const promoted = userCommand(server.databasePath, [
			'promote',
			'--email',
			account.email,
			'--role',
			role
		]);
		if (promoted.status !== 0) throw new Error(`promote failed: ${promoted.stderr}`);
	}
	const [user] = query<{ id: number }>(
		server.databasePath,
		'select id from users where email = ?',
		account.email
	);
	return { visitor, account, id: user!.id };
}

export interface CreatedClass {
	id: number;
	path: string;
	/** The code as stored; read again after a rotation. */
	code: string;
}

/** Creates a class through the teacher's form. */
export async function createClass(
	server: TestServer,
	instructor: Visitor,
	name: string
): Promise<CreatedClass> {
	const response = await instructor.post('/teach?/create', { name });
	const path = response.headers.get('location');
	if (response.status !== 303 || !path) throw new Error(`class not created: ${response.status}`);
	const id = Number(path.split('/').at(-1));
	return { id, path, code: joinCodeOf(server, id) };
}

export function joinCodeOf(server: TestServer, classId: number): string {
	return query<{ join_code: string }>(
		server.databasePath,
		'select join_code from classes where id = ?',
		classId
	)[0]!.join_code;
}
