import type { Db } from '../client';
import { signWording } from '../schema';
import { SIGNS, type Sign } from '../../../domain/catalog';
import { preparedOnce } from '../statements';

const wordingQuery = (db: Db) => db.select().from(signWording).prepare();

/** The 27 signs with any wording an administrator has corrected; a confirmed official text counts as verified. */
export function signCatalog(db: Db): Sign[] {
	const overrides = new Map(
		preparedOnce(db, wordingQuery)
			.all()
			.map((row) => [row.signId, row])
	);
	return SIGNS.map((sign) => {
		const override = overrides.get(sign.id);
		if (!override) return sign;
		return {
			...sign,
			text: override.text,
			// An administrator's own text is what members see, labelled as a summary until confirmed official.
			summary: override.official ? sign.summary : override.text,
			verified: override.official,
			sources: override.source ? [override.source, ...sign.sources] : sign.sources
		};
	});
}
