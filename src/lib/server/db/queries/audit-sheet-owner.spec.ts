// The audit log names whose sheet a sheet's line is about, and finds a member's sheet lines by their name.
import { describe, expect, it } from 'vitest';
import { createTestMember } from '../../../../../tests/helpers/db';
import { handIn, periodSetup, testSecretary } from '../../../../../tests/helpers/sheets';
import { chapterSheet, returnSheet } from '../../sheets/review';
import { auditLog } from './audit';
import { concernedPerson } from '../../../domain/audit';

describe('the audit log of a sheet', () => {
	it('says whose sheet each line is about, and a filter on the member finds what others did to it', async () => {
		const { db, content, tree } = periodSetup();
		const secretary = await testSecretary(db, tree.chapterA, 'Trần Văn Bí Thư');
		const hoa = await createTestMember(db, tree.chapterA, { username: 'lethihoa', fullName: 'Lê Thị Hoa' });
		const id = handIn(db, hoa, content, '2026-03-10');
		const detail = chapterSheet(db, tree.chapterA.id, id)!;
		returnSheet(db, secretary, detail, {
			assessment: '',
			notes: [{ code: null, text: 'Bổ sung.' }],
			revision: detail.sheet.revision
		});

		const { rows } = auditLog(db, { userId: hoa, limit: 10, offset: 0 });
		expect(rows.map((r) => [r.action, r.actorName, concernedPerson(r)])).toEqual([
			['sheet.return', 'Trần Văn Bí Thư', 'phiếu của Lê Thị Hoa (lethihoa)'],
			['sheet.submit', 'Lê Thị Hoa', 'phiếu của Lê Thị Hoa (lethihoa)']
		]);
	});
});
