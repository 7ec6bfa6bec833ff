const collator = new Intl.Collator('vi');

function givenName(fullName: string): string {
	return fullName.trim().split(/\s+/).at(-1) ?? '';
}

/** Orders Vietnamese full names by given name, then by the whole name, as a chapter's list is read. */
export function compareVietnameseNames(a: string, b: string): number {
	return collator.compare(givenName(a), givenName(b)) || collator.compare(a, b);
}
