// "Không áp dụng" saved through the ordinary save, stored, scored and shown back.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../tests/helpers/db';
import {
	completeAnswers,
	completeSections,
	completeTexts,
	periodSetup,
	signedInUser
} from '../../../../tests/helpers/sheets';
import { loadSheetDetail } from '../db/queries/sheets';
import { sheetAnswer } from '../db/schema';
import { signsForGroup } from '../../domain/template';
import { openCurrentSheet, saveSheet } from './member';
import { personalReport } from '../reports';

const TODAY = '2026-03-10';

async function setup() {
	const { db, content, tree } = periodSetup();
	const memberId = await createTestMember(db, tree.chapterA, { targetGroup: 'C' });
	const user = signedInUser(db, memberId);
	const detail = openCurrentSheet(db, user, TODAY)!;
	return { db, user, detail, signs: signsForGroup(content, 'C') };
}

/** Hands the group C sheet in with these answers and complete texts and sections. */
function handInWith({ db, user, detail }: Awaited<ReturnType<typeof setup>>, answers: Record<string, unknown>) {
	return saveSheet(
		db,
		user,
		detail.sheet.id,
		{ revision: 0, answers, texts: completeTexts, sections: completeSections(detail.content, 'C') },
		TODAY,
		{ submit: true }
	);
}

describe('"Không áp dụng" on a sheet', () => {
	it('is stored as its own flag, read back as "na", scored out of the maximum and printed', async () => {
		const ctx = await setup();
		const { db, detail, signs } = ctx;
		const code = signs.find((s) => !s.critical)!.code;
		const answers = {
			...completeAnswers(detail.content, 'C'),
			[code]: { level: 'na', note: 'Là sinh viên, không có việc này.' }
		};
		const saved = handInWith(ctx, answers);
		expect(saved.ok && saved.score?.notApplicable).toEqual([code]);
		const row = db.select().from(sheetAnswer).where(eq(sheetAnswer.code, code)).get()!;
		expect(row).toMatchObject({ level: null, notApplicable: true });
		const reloaded = loadSheetDetail(db, detail.sheet.id)!;
		expect(reloaded.answers[code].level).toBe('na');
		expect(reloaded.sheet.status).toBe('submitted');
		const printed = personalReport(db, reloaded);
		const line = printed.categories.flatMap((c) => c.signs).find((s) => s.code === code);
		expect(line?.level).toBe('Không áp dụng');
	});

	it('a later level clears the flag', async () => {
		const { db, user, detail, signs } = await setup();
		const code = signs[0].code;
		saveSheet(db, user, detail.sheet.id, { revision: 0, answers: { [code]: { level: 'na' } } }, TODAY);
		saveSheet(db, user, detail.sheet.id, { revision: 1, answers: { [code]: { level: 1 } } }, TODAY);
		const row = db.select().from(sheetAnswer).where(eq(sheetAnswer.code, code)).get()!;
		expect(row).toMatchObject({ level: 1, notApplicable: false });
	});

	it('refuses to hand in "Không áp dụng" on a sign marked especially serious', async () => {
		const ctx = await setup();
		const { detail, signs } = ctx;
		const critical = signs.find((s) => s.critical)!.code;
		const answers = { ...completeAnswers(detail.content, 'C'), [critical]: { level: 'na', note: 'Không liên quan.' } };
		const result = handInWith(ctx, answers);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.problems).toEqual([{ kind: 'na_not_allowed', code: critical }]);
	});
});
