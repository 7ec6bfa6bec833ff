// The wording of the 27 signs: an administrator enters the official text with its source.
import type { Db } from '../db/client';
import { signWording } from '../db/schema';
import { recordAudit } from '../db/queries/audit';
import { signById } from '../../domain/catalog';

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
		recordAudit(tx, {
			actorId,
			action: 'sign.wording.set',
			target: { type: 'sign', id: null },
			reason: input.source,
			detail: { signId: input.signId, official: input.official }
		});
	});
}
