import type { FormLine, FormSection } from '$lib/domain/template';
import type { SectionValue } from '$lib/domain/sections';

/** The form as the sheet and review pages receive it (server/sheets/sections.ts formView, serialised). */
export interface SheetFormView {
	form: string;
	title: FormLine;
	subtitle: FormLine;
	signature: FormLine;
	sections: {
		section: FormSection;
		value: SectionValue;
		text: string;
		priorCommitment: { year: number; text: string } | null;
		total: number | null;
	}[];
	questions: { id: number; text: string; answer: string; askedByName: string; unitName: string; createdAt: number }[];
}
