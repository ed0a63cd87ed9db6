/// <reference types="unplugin-icons/types/svelte5" />
import type { SessionInfo } from '$lib/server/auth';
import type { SessionUser } from '$lib/server/users';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			session: SessionInfo | null;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
