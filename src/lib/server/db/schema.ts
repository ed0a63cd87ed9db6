import { sql } from 'drizzle-orm';
import {
	blob,
	check,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';

export const roles = ['student', 'instructor', 'admin'] as const;
export type Role = (typeof roles)[number];

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const users = sqliteTable(
	'users',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		// Stored normalised (see normaliseEmail); the index below still guards case at the database.
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role', { enum: roles }).notNull().default('student'),
		passwordHash: text('password_hash').notNull(),
		createdAt: timestamp('created_at').notNull(),
		updatedAt: timestamp('updated_at').notNull()
	},
	(table) => [
		uniqueIndex('users_email_lower_unique').on(sql`lower(${table.email})`),
		check('users_role_known', sql`${table.role} in ('student', 'instructor', 'admin')`)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		// SHA-256 of the token's secret half; the secret itself is never stored.
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at').notNull(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(table) => [index('sessions_user_id_idx').on(table.userId)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
