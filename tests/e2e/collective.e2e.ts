// A chapter's collective sheet: its secretary fills it on the chi bộ's behalf, the committee above returns it, the
// secretary completes it, the committee approves it, and it prints as the chi bộ's Party document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';
import { answerSigns, fillForm, saved, writtenSection } from './sheet-helpers';

const CHAPTER = 'Chi bộ Phòng Kế hoạch – Tài chính';
const COLLECTIVE = `Tập thể ${CHAPTER}`;
const squash = (s: string) => s.replace(/\s+/g, ' ');
// Two people through a whole sheet, a return, two ratings and a PDF: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

/** The text of a PDF the page's session downloads, as pdftotext reads it. */
async function pdfText(page: Page, url: string): Promise<string> {
	const pdf = await page.request.get(url);
	expect(pdf.status()).toBe(200);
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'tusoi-collective-')), 'collective.pdf');
	writeFileSync(file, await pdf.body());
	return squash(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
}

/** The collective's report (Mẫu 1) in its places: A.I.1, A.II.1 and the programme for next year, then the rest. */
async function fillCollectiveReport(page: Page, strengths: string): Promise<void> {
	await (await writtenSection(page, 'strengths')).fill(strengths);
	await (await writtenSection(page, 'shortcomings')).fill('Kiểm tra, giám sát đảng viên chưa thường xuyên.');
	await (await writtenSection(page, 'commitment')).fill('Lập kế hoạch kiểm tra, giám sát đảng viên ngay đầu năm.');
	await fillForm(page);
}

async function asUser(browser: Browser, username: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	return page;
}

test('a chapter’s collective sheet is filled, returned by the committee above, approved and printed', async ({
	browser
}) => {
	const secretary = await asUser(browser, 'bithu03');
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText(CHAPTER);
	const card = secretary.getByRole('region', { name: 'Phiếu tập thể chi bộ' });
	await expect(card).toContainText('Chưa làm');
	await card.getByRole('button', { name: 'Lập phiếu của tập thể' }).click();
	await expect(secretary.getByRole('heading', { level: 1 })).toHaveText(
		new RegExp(`Phiếu kiểm điểm của tập thể năm \\d{4}: ${COLLECTIVE}`)
	);
	await hydrated(secretary);
	const sheetUrl = secretary.url();

	// Every sign of the collective "không có", the first at level 1 with its remediation.
	await answerSigns(secretary, { atLeast: 12, below: 20 }, 'Chi ủy tổ chức sinh hoạt chuyên đề mỗi quý.');
	await fillCollectiveReport(secretary, 'Chi bộ lãnh đạo phòng hoàn thành các chỉ tiêu được giao trong năm.');
	await saved(secretary);

	// The collective rates its own example-setting while its sheet can change (nêu gương, apart from the result).
	await secretary.goto('/');
	await secretary.getByRole('link', { name: 'Nêu gương của tập thể' }).click();
	await secretary.waitForURL(/\/units\/\d+\/collective/);
	const collectivePage = secretary.url().replace(/#.*$/, '');
	await hydrated(secretary);
	const own = secretary.getByRole('group', { name: 'Mức tập thể tự đánh giá việc nêu gương' });
	await own.getByLabel('Tốt').check();
	await secretary.getByLabel('Trách nhiệm nêu gương của tập thể').fill('Chi ủy gương mẫu đi đầu trong tiết kiệm.');
	await secretary.getByRole('button', { name: 'Lưu tự đánh giá của tập thể' }).click();
	await expect(secretary.getByText('Đã lưu đánh giá việc nêu gương của tập thể.')).toBeVisible();
	await secretary.goto(sheetUrl);
	await hydrated(secretary);
	await secretary.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(secretary.getByText('Trạng thái: Đã nộp')).toBeVisible();
	await expect(secretary.getByText('Đã nộp phiếu của tập thể.')).toBeVisible();

	// The committee above finds it on its unit page, apart from the members, and returns it with a note.
	const committee = await asUser(browser, 'capuy');
	const below = committee.getByRole('region', { name: 'Phiếu kiểm điểm của các tập thể' });
	await expect(below).toContainText('Tính riêng, không cộng vào số đảng viên');
	await below.getByRole('link', { name: `Xem xét phiếu ${COLLECTIVE}` }).click();
	await expect(committee.getByRole('heading', { level: 1 })).toHaveText(COLLECTIVE);
	await hydrated(committee);
	await committee.getByLabel('Nhận xét chung khi trả lại').fill('Đề nghị nêu rõ kết quả lãnh đạo từng chỉ tiêu.');
	await committee.getByRole('button', { name: 'Trả lại để hoàn thiện' }).click();
	await expect(committee.getByText('Trạng thái: Trả lại để hoàn thiện')).toBeVisible();

	await secretary.goto(sheetUrl);
	await hydrated(secretary);
	await expect(secretary.getByText('Cấp ủy cấp trên đã trả lại phiếu để hoàn thiện.')).toBeVisible();
	await (
		await writtenSection(secretary, 'strengths')
	).fill('Chi bộ lãnh đạo phòng hoàn thành 12/12 chỉ tiêu; giải ngân vốn đầu tư đạt 96% kế hoạch.');
	await saved(secretary);
	await secretary.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(secretary.getByText('Trạng thái: Đã nộp')).toBeVisible();

	await committee.reload();
	await hydrated(committee);
	// The committee above decides in its own name, not the chi ủy's.
	await expect(committee.getByRole('heading', { name: 'Cấp ủy cấp trên xem xét' })).toBeVisible();
	await committee
		.getByLabel('Nhận xét của cấp ủy cấp trên')
		.fill('Tập thể chi bộ đã bổ sung đầy đủ, thống nhất kết quả.');
	await committee.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(committee.getByText('Trạng thái: Đã duyệt')).toBeVisible();
	const history = committee.locator('#history');
	await expect(history).toContainText('Nộp phiếu kiểm điểm của tập thể');
	await expect(history).toContainText('Cấp ủy cấp trên trả lại phiếu của tập thể để hoàn thiện');
	await expect(history).toContainText('Cấp ủy cấp trên duyệt phiếu của tập thể');

	// The committee above rates the collective's example-setting; a level other than the collective's needs a reason,
	// and a refusal keeps what was chosen. The collective, once handed in, rates nothing more.
	await committee.goto(collectivePage);
	await hydrated(committee);
	const review = committee.getByRole('group', { name: 'Mức cấp ủy cấp trên đánh giá việc nêu gương của tập thể' });
	await review.getByLabel('Khá').check();
	await committee.getByRole('button', { name: 'Lưu đánh giá của cấp ủy cấp trên' }).click();
	await expect(
		committee.getByText('Mức đánh giá khác với mức tập thể tự đánh giá («Tốt»): hãy ghi lý do')
	).toBeVisible();
	await expect(review.getByLabel('Khá')).toBeChecked();
	await committee.getByLabel('Lý do (khi khác mức tập thể tự đánh giá)').fill('Còn để xảy ra lãng phí ở một phòng.');
	await committee.getByRole('button', { name: 'Lưu đánh giá của cấp ủy cấp trên' }).click();
	await expect(committee.getByText('Đã lưu đánh giá việc nêu gương của tập thể.')).toBeVisible();
	const example = committee.locator('#example');
	await expect(example).toContainText('Tập thể tự đánh giá Tốt — Chi ủy gương mẫu đi đầu trong tiết kiệm.');
	await expect(example).toContainText('Cấp ủy cấp trên đánh giá Khá — lý do: Còn để xảy ra lãng phí ở một phòng.');
	await secretary.goto(collectivePage);
	await expect(secretary.getByRole('button', { name: 'Lưu tự đánh giá của tập thể' })).toHaveCount(0);

	// Printed as the chi bộ's document: the collective as subject, signed on behalf of its chi ủy.
	const id = new URL(sheetUrl).pathname.split('/').pop();
	const text = await pdfText(secretary, `/sheets/${id}/report.pdf`);
	for (const part of [
		'BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ',
		COLLECTIVE,
		'T/M CHI ỦY',
		'T/M ĐẢNG ỦY TỈNH MẪU',
		'12/12 chỉ tiêu'
	])
		expect(text).toContain(squash(part));
	expect(text).not.toContain('Họ và tên');
});

test('a party committee fills its own collective’s sheet, the committee above approves it, and it prints as the đảng ủy’s', async ({
	browser
}) => {
	const UNIT = 'Đảng bộ Công ty Cổ phần Cấp nước Mẫu';
	const NAME = `Tập thể cấp ủy ${UNIT}`;
	const filler = await asUser(browser, 'danguy');
	await expect(filler.getByRole('heading', { level: 1 })).toHaveText(UNIT);
	const unitPage = filler.url();
	const card = filler.getByRole('region', { name: 'Phiếu tập thể cấp ủy' });
	await card.getByRole('button', { name: 'Lập phiếu của tập thể' }).click();
	await expect(filler.getByRole('heading', { level: 1 })).toHaveText(
		new RegExp(`Phiếu kiểm điểm của tập thể năm \\d{4}: ${NAME}`)
	);
	await hydrated(filler);
	const sheetId = new URL(filler.url()).pathname.split('/').pop();
	await answerSigns(filler, { atLeast: 12, below: 20 }, 'Đảng ủy chỉ đạo rà soát quy chế làm việc.');
	await fillCollectiveReport(filler, 'Đảng ủy lãnh đạo Công ty hoàn thành kế hoạch sản xuất, cung cấp nước an toàn.');
	await saved(filler);
	await filler.getByRole('button', { name: 'Nộp phiếu' }).click();
	await expect(filler.getByText('Trạng thái: Đã nộp')).toBeVisible();

	// The committee above decides it from its list; the page has no member neighbours and leads back to the unit.
	const committee = await asUser(browser, 'capuy');
	const below = committee.getByRole('region', { name: 'Phiếu kiểm điểm của các tập thể' });
	await below.getByRole('link', { name: `Xem xét phiếu ${NAME}` }).click();
	await expect(committee.getByRole('heading', { level: 1 })).toHaveText(NAME);
	await hydrated(committee);
	await expect(committee.getByText('vuốt ngang để chuyển phiếu')).toHaveCount(0);
	await expect(committee.getByRole('heading', { name: 'Cấp ủy cấp trên xem xét' })).toBeVisible();
	await committee.getByLabel('Nhận xét của cấp ủy cấp trên').fill('Thống nhất kết quả tự kiểm điểm của Đảng ủy.');
	await committee.getByRole('button', { name: 'Duyệt phiếu' }).click();
	await expect(committee.getByText('Trạng thái: Đã duyệt')).toBeVisible();
	const text = await pdfText(committee, `${new URL(committee.url()).pathname}/report.pdf`);
	for (const part of [
		NAME,
		'T/M ĐẢNG ỦY CÔNG TY CỔ PHẦN CẤP NƯỚC MẪU',
		'T/M ĐẢNG ỦY TỈNH MẪU',
		'cung cấp nước an toàn'
	])
		expect(text).toContain(squash(part));
	await committee.getByRole('link', { name: `← ${UNIT}` }).click();
	await expect(committee.getByRole('heading', { level: 1 })).toHaveText(UNIT);
	expect(new URL(committee.url()).pathname).toBe(new URL(unitPage).pathname);

	// The filler sees the decision on its own sheet.
	await filler.goto(`/sheets/${sheetId}`);
	await expect(filler.getByText('Trạng thái: Đã duyệt')).toBeVisible();
});
