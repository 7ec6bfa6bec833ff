import { describe, expect, it } from 'vitest';
import { MAX_TEMPLATE_BYTES, uploadedText } from './upload';

const NOTHING = 'Vui lòng chọn tệp JSON hoặc dán nội dung mẫu phiếu.';

/** A form as the browser posts it; a file input left empty still sends an empty, nameless file. */
function form(fields: { file?: File; json?: string }): FormData {
	const data = new FormData();
	data.set('file', fields.file ?? new File([], '', { type: 'application/octet-stream' }));
	if (fields.json !== undefined) data.set('json', fields.json);
	return data;
}

const jsonFile = (text: string) => new File([text], 'mau-phieu.json', { type: 'application/json' });

describe('uploadedText', () => {
	it('reads a chosen file', async () => {
		const text = '{"key":"bo-thu-nghiem","name":"Bộ thử nghiệm"}';
		expect(await uploadedText(form({ file: jsonFile(text) }), 'file', 'json', 1000)).toEqual({ ok: true, text });
	});

	it('prefers the file when both a file and pasted text are sent', async () => {
		expect(
			await uploadedText(form({ file: jsonFile('{"tu":"tệp"}'), json: '{"tu":"dán"}' }), 'file', 'json', 1000)
		).toEqual({
			ok: true,
			text: '{"tu":"tệp"}'
		});
	});

	it('takes the pasted text when no file was chosen', async () => {
		expect(await uploadedText(form({ json: '{"tu":"dán"}' }), 'file', 'json', 1000)).toEqual({
			ok: true,
			text: '{"tu":"dán"}'
		});
	});

	it('takes the pasted text when the form has no file field at all', async () => {
		const data = new FormData();
		data.set('json', '{}');
		expect(await uploadedText(data, 'file', 'json', 1000)).toEqual({ ok: true, text: '{}' });
	});

	it('asks for a file or pasted text when there is neither', async () => {
		expect(await uploadedText(form({}), 'file', 'json', 1000)).toEqual({ ok: false, error: NOTHING });
		expect(await uploadedText(new FormData(), 'file', 'json', 1000)).toEqual({ ok: false, error: NOTHING });
	});

	it('treats blank pasted text and a blank file as nothing', async () => {
		expect(await uploadedText(form({ json: '  \n\t ' }), 'file', 'json', 1000)).toEqual({ ok: false, error: NOTHING });
		expect(await uploadedText(form({ file: jsonFile('   \n') }), 'file', 'json', 1000)).toEqual({
			ok: false,
			error: NOTHING
		});
	});

	it('refuses a file over the limit and accepts one exactly at it', async () => {
		expect(await uploadedText(form({ file: jsonFile('x'.repeat(2001)) }), 'file', 'json', 2000)).toEqual({
			ok: false,
			error: 'Tệp quá lớn (tối đa 2 KB).'
		});
		expect(await uploadedText(form({ file: jsonFile('x'.repeat(2000)) }), 'file', 'json', 2000)).toEqual({
			ok: true,
			text: 'x'.repeat(2000)
		});
	});

	it('refuses pasted text over the limit', async () => {
		expect(await uploadedText(form({ json: 'x'.repeat(2001) }), 'file', 'json', 2000)).toEqual({
			ok: false,
			error: 'Nội dung quá dài (tối đa 2 KB).'
		});
	});

	it('counts a file in bytes, so accented Vietnamese weighs more than its length', async () => {
		const text = 'ệ'.repeat(700); // 700 characters, 2,100 bytes in UTF-8
		expect(await uploadedText(form({ file: jsonFile(text) }), 'file', 'json', 2000)).toEqual({
			ok: false,
			error: 'Tệp quá lớn (tối đa 2 KB).'
		});
	});

	it('allows the bundled template with plenty of room', () => {
		expect(MAX_TEMPLATE_BYTES).toBeGreaterThanOrEqual(100_000);
	});
});
