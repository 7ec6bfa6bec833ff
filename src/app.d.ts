import type { AuthUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			user: AuthUser | null;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
