import type { AuthUser } from '$lib/server/auth/types';

declare global {
	interface Window {
		/** What was chosen or typed on the sheet before its scripts ran (app.html), until the sheet takes it. */
		__tusoiEarly?: [name: string, value: string][] | null;
		/** The freshness check of a sheet page, started by app.html before the scripts run, until the sheet takes it. */
		__tusoiFresh?: Promise<Response | null> | null;
	}
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
