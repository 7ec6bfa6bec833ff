import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { auditEvent, signWording } from '../schema';
import { SIGNS, signById, type Sign } from '../../../domain/catalog';

/** The 27 signs with any wording an administrator has corrected; a confirmed official text counts as verified. */
export function signCatalog(db: Db): Sign[] {
	const overrides = new Map(
		db
			.select()
			.from(signWording)
			.all()
			.map((row) => [row.signId, row])
	);
	return SIGNS.map((sign) => {
		const override = overrides.get(sign.id);
		if (!override) return sign;
		return {
			...sign,
			text: override.text,
			verified: override.official,
			sources: override.source ? [override.source, ...sign.sources] : sign.sources
		};
	});
}

/** Stores an administrator's wording for a sign, replacing any earlier correction, and records who did it. */
export function setSignWording(
	db: Db,
	input: { signId: string; text: string; official: boolean; source: string },
	actorId: number
): void {
	if (!signById(input.signId)) throw new Error(`Unknown sign ${input.signId}`);
	const values = {
		text: input.text,
		official: input.official,
		source: input.source,
		updatedBy: actorId,
		updatedAt: new Date()
	};
	db.transaction((tx) => {
		tx.insert(signWording)
			.values({ signId: input.signId, ...values })
			.onConflictDoUpdate({ target: signWording.signId, set: values })
			.run();
		tx.insert(auditEvent)
			.values({
				actorId,
				action: 'sign.wording.set',
				targetType: 'sign',
				reason: input.source,
				detail: { signId: input.signId, official: input.official }
			})
			.run();
	});
}

/** Drops an administrator's correction so the bundled wording shows again. */
export function clearSignWording(db: Db, signId: string): void {
	db.delete(signWording).where(eq(signWording.signId, signId)).run();
}
