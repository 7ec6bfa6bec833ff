import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { user } from '../schema';

export type UserRow = typeof user.$inferSelect;

/** Login ids are stored trimmed and in lower case, so sign-in does not depend on how they were typed. */
export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

/** An account by its login id, whatever its case. */
export function findUserByUsername(db: Db, username: string): UserRow | undefined {
	return db
		.select()
		.from(user)
		.where(eq(user.username, normalizeUsername(username)))
		.get();
}

/** One account by id. */
export function findUserById(db: Db, id: number): UserRow | undefined {
	return db.select().from(user).where(eq(user.id, id)).get();
}

/** Stores a password the user chose: a new hash, and the must-change flag cleared. */
export function setPassword(db: Db, userId: number, passwordHash: string): void {
	db.update(user).set({ passwordHash, mustChangePassword: false }).where(eq(user.id, userId)).run();
}
