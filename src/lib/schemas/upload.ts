/** Largest template file accepted (the default one is about 25 KB); below the server's 512 KB body limit, so the message is ours. */
export const MAX_TEMPLATE_BYTES = 400_000;

/** The text of an uploaded file field, or of a pasted text field when no file was chosen. */
export async function uploadedText(
	data: FormData,
	fileField: string,
	textField: string,
	maxBytes: number
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
	const file = data.get(fileField);
	const pasted = data.get(textField);
	let text = '';
	if (file instanceof File && file.size > 0) {
		if (file.size > maxBytes) return { ok: false, error: `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1000)} KB).` };
		text = await file.text();
	} else if (typeof pasted === 'string') {
		if (new TextEncoder().encode(pasted).length > maxBytes)
			return { ok: false, error: `Nội dung quá dài (tối đa ${Math.round(maxBytes / 1000)} KB).` };
		text = pasted;
	}
	if (!text.trim()) return { ok: false, error: 'Vui lòng chọn tệp JSON hoặc dán nội dung mẫu phiếu.' };
	return { ok: true, text };
}
