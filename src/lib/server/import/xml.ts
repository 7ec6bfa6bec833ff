// A small streaming XML scanner for the parts of an XLSX file: it takes the bytes in chunks as they are
// inflated and reports tags and text, holding at most one unfinished tag between chunks. It knows only
// what spreadsheet XML uses (elements, attributes, text, the five named entities and character references;
// comments, CDATA, processing instructions and doctype are skipped or passed on as text) and never expands
// a custom entity, so a doctype cannot make it grow.
import { BROKEN_XLSX, ImportFileError } from './limits';

/** What a scanner reports; names come without their namespace prefix ("x:row" → "row"). */
export interface XmlHandler {
	/** A start tag, with its attributes as written; a self-closing tag is followed by close(). */
	open(name: string, attributes: string): void;
	close(name: string): void;
	/** Text as written (entities not decoded: see decodeXml), possibly in several pieces. */
	text(raw: string): void;
}

/** Longest tag (or comment) accepted: real ones are a few hundred characters. */
const MAX_MARKUP = 64 * 1024;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Feeds chunks of an XML document to a handler. */
export class XmlScanner {
	private rest = '';
	private readonly decoder = new TextDecoder();

	constructor(private readonly handler: XmlHandler) {}

	write(bytes: Uint8Array): void {
		this.scan(this.decoder.decode(bytes, { stream: true }));
	}

	end(): void {
		this.scan(this.decoder.decode());
		if (this.rest !== '') throw new ImportFileError(BROKEN_XLSX);
	}

	private scan(chunk: string): void {
		const s = this.rest === '' ? chunk : this.rest + chunk;
		this.rest = '';
		let i = 0;
		while (i < s.length) {
			const lt = s.indexOf('<', i);
			if (lt < 0) {
				this.handler.text(s.slice(i));
				return;
			}
			if (lt > i) this.handler.text(s.slice(i, lt));
			// Comments and CDATA may hold ">", so they end at their own closer.
			const special =
				s.charCodeAt(lt + 1) === 33 ? (s.startsWith('<!--', lt) ? 1 : s.startsWith('<![CDATA[', lt) ? 2 : 0) : 0;
			const closer = special === 1 ? '-->' : special === 2 ? ']]>' : '>';
			const end = s.indexOf(closer, lt + 1);
			if (end < 0) {
				this.rest = s.slice(lt);
				if (this.rest.length > MAX_MARKUP) throw new ImportFileError(BROKEN_XLSX);
				return;
			}
			if (special === 2) this.handler.text(escapeText(s.slice(lt + 9, end)));
			else if (special === 0) this.tag(s, lt + 1, end);
			i = end + closer.length;
		}
	}

	/** The markup between "<" (before `start`) and ">" (at `end`). */
	private tag(s: string, start: number, end: number): void {
		const first = s.charCodeAt(start);
		if (first === 63 || first === 33) return; // <?…?>, <!DOCTYPE …>
		const closing = first === 47;
		let nameEnd = closing ? start + 1 : start;
		let colon = nameEnd - 1;
		for (; nameEnd < end; nameEnd++) {
			const code = s.charCodeAt(nameEnd);
			if (code === 32 || code === 47 || code === 9 || code === 10 || code === 13) break;
			if (code === 58) colon = nameEnd;
		}
		const local = s.slice(colon + 1, nameEnd);
		if (closing) {
			this.handler.close(local);
			return;
		}
		const selfClosing = s.charCodeAt(end - 1) === 47;
		const attributesEnd = selfClosing ? end - 1 : end;
		this.handler.open(local, nameEnd < attributesEnd ? s.slice(nameEnd, attributesEnd) : '');
		if (selfClosing) this.handler.close(local);
	}
}

const attributePatterns = new Map<string, RegExp>();

/** The value of attribute `name` (any namespace prefix) in a tag's attribute text, entities decoded; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
	// Fast path for what every writer emits (name="value" or name='value'): a cell has several per row.
	const key = `${name}=`;
	for (let at = attributes.indexOf(key); at >= 0; at = attributes.indexOf(key, at + 1)) {
		const before = at === 0 ? 32 : attributes.charCodeAt(at - 1);
		if (before !== 32 && before !== 58 && before !== 9 && before !== 10 && before !== 13) continue;
		const quote = attributes[at + key.length];
		if (quote !== '"' && quote !== "'") break;
		const end = attributes.indexOf(quote, at + key.length + 1);
		return end < 0 ? undefined : decodeXml(attributes.slice(at + key.length + 1, end));
	}
	// Space around "=" is allowed too, and rare enough to leave to a regular expression.
	if (!/\s=|=\s/.test(attributes)) return undefined;
	let pattern = attributePatterns.get(name);
	if (!pattern) {
		pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
		attributePatterns.set(name, pattern);
	}
	const match = pattern.exec(attributes);
	return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with its entities and character references replaced; anything else is left as written. */
export function decodeXml(raw: string): string {
	if (!raw.includes('&')) return raw;
	return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
		if (entity[0] !== '#') return NAMED[entity]!;
		const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
		return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/**
 * A copy of `text` that does not keep alive the chunk it was cut from. V8 represents a slice of a long string
 * as a view of it, so a cell value kept from a 64 KB chunk would keep the whole chunk: a concatenation that
 * is then sliced is flattened into a string of its own.
 */
export function detach(text: string): string {
	return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Every element `name` of a small, whole XML text, as its attribute text. */
export function elements(xml: string, name: string): string[] {
	const pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?=[\\s/>])([^>]*)>`, 'g');
	return Array.from(xml.matchAll(pattern), (m) => m[1]!);
}
