import { describe, expect, it } from 'vitest';
import { localityOf } from './report-form';

describe('localityOf', () => {
	it('takes the nearest locality above the chapter, as HD 36 dates a document from the issuer’s place', () => {
		expect(localityOf(['Chi bộ Giáo viên', 'Đảng bộ Trường Một', 'Đảng bộ phường Một', 'Đảng bộ tỉnh Thử'])).toBe(
			'Một'
		);
		expect(localityOf(['Chi bộ Thôn 3', 'Đảng bộ xã La Bằng', 'Đảng bộ tỉnh Thái Nguyên'])).toBe('La Bằng');
		expect(localityOf(['Chi bộ Văn phòng', 'Đảng bộ Khối cơ quan', 'Đảng bộ thành phố Hà Nội'])).toBe('Hà Nội');
	});

	it('does not take a common noun for a place and falls back to dots', () => {
		expect(localityOf(['Chi bộ Phòng Kế hoạch', 'Đảng bộ cơ quan xã hội'])).toBe('……');
		expect(localityOf([])).toBe('……');
	});
});
