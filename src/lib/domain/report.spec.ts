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
