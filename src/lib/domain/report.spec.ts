import { describe, expect, it } from 'vitest';
import { PARTY_NAME, SELF_REPORT_DISCLAIMER, placeOf, upper, vietnameseDateWords } from './report';

describe('dates in a Party document', () => {
	it('writes the day in two digits, months 1 and 2 in two digits too', () => {
		expect(vietnameseDateWords('2026-12-05')).toBe('ngày 05 tháng 12 năm 2026');
		expect(vietnameseDateWords('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
		expect(vietnameseDateWords('2027-02-28')).toBe('ngày 28 tháng 02 năm 2027');
		expect(vietnameseDateWords('2026-03-01')).toBe('ngày 01 tháng 3 năm 2026');
		expect(vietnameseDateWords('2026-10-31')).toBe('ngày 31 tháng 10 năm 2026');
	});

	it('leaves dots to fill in by hand when there is no date', () => {
		expect(vietnameseDateWords(null)).toBe('ngày …… tháng …… năm ……');
		expect(vietnameseDateWords('')).toBe('ngày …… tháng …… năm ……');
	});
});

describe('the place a document is dated from', () => {
	it("reads the province or city off the root organisation's name", () => {
		expect(placeOf('Đảng bộ tỉnh Mẫu')).toBe('Mẫu');
		expect(placeOf('Đảng bộ Tỉnh Quảng Ninh')).toBe('Quảng Ninh');
		expect(placeOf('Đảng bộ thành phố Hải Phòng')).toBe('Hải Phòng');
		expect(placeOf('Đảng bộ Thành phố Hồ Chí Minh ')).toBe('Hồ Chí Minh');
		expect(placeOf('Đảng bộ  tỉnh  Lào Cai')).toBe('Lào Cai');
	});

	it('leaves dots when the name says no province or city', () => {
		expect(placeOf('Chi bộ Khu phố 3')).toBe('……');
		expect(placeOf('Đảng bộ tỉnh ')).toBe('……');
		expect(placeOf('Đảng bộ xã Tân Lập')).toBe('……');
		expect(placeOf('Ban Đảng bộ tỉnh Mẫu')).toBe('……');
	});
});

describe('the fixed lines of a report', () => {
	it('spells the Party name and the disclaimer in full', () => {
		expect(PARTY_NAME).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
		expect(SELF_REPORT_DISCLAIMER).toBe('Biểu hiện tự nhận không phải là kết luận của cơ quan có thẩm quyền.');
	});

	it('writes unit names in Vietnamese capitals', () => {
		expect(upper('Chi bộ Khu phố 3, phường Đông Hưng')).toBe('CHI BỘ KHU PHỐ 3, PHƯỜNG ĐÔNG HƯNG');
	});
});

// --- An issued report's parts (appended; imports are hoisted). ---
import { chapterSignature, committeeName, hasChiUy, localityOf, reportNumberLine, reportRecipients } from './report';

describe('an issued chapter report', () => {
	it('is signed for the chi ủy from nine members, for the chi bộ below', () => {
		expect(hasChiUy(9)).toBe(true);
		expect(hasChiUy(8)).toBe(false);
		expect(chapterSignature(30)).toEqual(['T/M CHI ỦY', 'BÍ THƯ']);
		expect(chapterSignature(7)).toEqual(['T/M CHI BỘ', 'BÍ THƯ']);
	});

	it('carries its number and symbol, with room to write the number by hand', () => {
		expect(reportNumberLine('05')).toBe('Số 05-BC/CB');
		expect(reportNumberLine('  ')).toBe('Số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0-BC/CB');
	});

	it('is sent to the committee of the unit above, and kept on file', () => {
		expect(reportRecipients('Đảng bộ Sở Giáo dục và Đào tạo')).toEqual([
			'Đảng ủy Sở Giáo dục và Đào tạo (để báo cáo)',
			'Lưu chi bộ'
		]);
		expect(reportRecipients('Chi bộ cơ sở Một')).toEqual(['Cấp ủy Chi bộ cơ sở Một (để báo cáo)', 'Lưu chi bộ']);
		expect(reportRecipients(null)).toEqual(['Cấp ủy cấp trên (để báo cáo)', 'Lưu chi bộ']);
	});

	it('names the committee that leads a unit, whatever the case of "đảng bộ"', () => {
		expect(committeeName(' Đảng bộ phường Hòa Bình ')).toBe('Đảng ủy phường Hòa Bình');
		expect(committeeName('đảng bộ Công ty Cấp nước')).toBe('Đảng ủy Công ty Cấp nước');
		expect(committeeName('Chi bộ Tổ bảo vệ')).toBe('Cấp ủy Chi bộ Tổ bảo vệ');
	});

	it('is dated from the nearest commune or ward, else the province', () => {
		expect(localityOf(['Đảng bộ tỉnh Mẫu', 'Đảng bộ phường Hòa Bình', 'Chi bộ Khu dân cư số 3'])).toBe('Hòa Bình');
		expect(localityOf(['Đảng bộ tỉnh Mẫu', 'Đảng bộ xã Tân Lập', 'Đảng bộ Trường THCS', 'Chi bộ Giáo viên'])).toBe(
			'Tân Lập'
		);
		expect(localityOf(['Đảng bộ tỉnh Mẫu', 'Đảng bộ Ủy ban nhân dân tỉnh', 'Chi bộ Văn phòng Sở'])).toBe('Mẫu');
		expect(localityOf(['Đảng bộ tỉnh Mẫu', 'Đảng bộ cơ quan xã hội', 'Chi bộ Phòng Kế hoạch'])).toBe('Mẫu');
		expect(localityOf([])).toBe('……');
	});
});
