// Rules about review periods: when their sheets are read-only, and which periods may be open together.

/** What the rules need to know about a period. */
export interface PeriodFacts {
	year: number;
	opensOn: string;
	closedAt: Date | null;
}

/** Why a closed period's sheets cannot change: a closed year is corrected only by an administrator reopening it. */
export function closedPeriodMessage(p: Pick<PeriodFacts, 'year' | 'closedAt'>): string | null {
	return p.closedAt === null ? null : `Đợt kiểm điểm năm ${p.year} đã kết thúc: phiếu chỉ còn để xem.`;
}

/** Why a period's sheets cannot change today (closed, or not open yet), or null when they can. */
export function periodLock(p: PeriodFacts, today: string): string | null {
	return (
		closedPeriodMessage(p) ?? (p.opensOn > today ? `Đợt kiểm điểm năm ${p.year} chưa mở: phiếu chỉ để xem.` : null)
	);
}

/** An open period as the overlap rule sees it. */
export interface OpenPeriod {
	id: number;
	name: string;
	year: number;
	unitName: string;
	unitPath: string;
}

/** Two units overlap when one lies inside (or is) the other: their sheets would belong to both periods. */
export function unitsOverlap(a: string, b: string): boolean {
	return a.startsWith(b) || b.startsWith(a);
}

/**
 * The open period of the same year whose subtree overlaps `unitPath`, if any: each unit's members have one
 * open period per year. `exceptId` leaves out the period itself (when reopening it).
 */
export function overlappingPeriod(
	candidate: { year: number; unitPath: string; exceptId?: number },
	open: readonly OpenPeriod[]
): OpenPeriod | undefined {
	return open.find(
		(p) => p.id !== candidate.exceptId && p.year === candidate.year && unitsOverlap(p.unitPath, candidate.unitPath)
	);
}

/** The refusal naming the period in the way. */
export function overlapMessage(p: OpenPeriod): string {
	return `Đợt «${p.name}» năm ${p.year} của ${p.unitName} đang mở và trùng phạm vi đơn vị này. Mỗi đơn vị chỉ có một đợt kiểm điểm đang mở trong một năm: hãy kết thúc đợt đó trước hoặc chọn đơn vị khác.`;
}

/**
 * Moving a unit under a new parent carries the open periods inside its subtree along: the pair (one inside,
 * one over the new place) of the same year that would then overlap, if any.
 */
export function overlapAfterMove(
	movingPath: string,
	newParentPath: string,
	open: readonly OpenPeriod[]
): [inside: OpenPeriod, over: OpenPeriod] | undefined {
	const inside = open.filter((p) => p.unitPath.startsWith(movingPath));
	const over = open.filter((p) => newParentPath.startsWith(p.unitPath));
	for (const a of inside) {
		const b = over.find((o) => o.year === a.year);
		if (b) return [a, b];
	}
	return undefined;
}

/** The refusal of such a move. */
export function moveOverlapMessage([inside, over]: [OpenPeriod, OpenPeriod]): string {
	return `Không chuyển được: đợt «${inside.name}» năm ${inside.year} của ${inside.unitName} sẽ trùng phạm vi với đợt «${over.name}» của ${over.unitName} đang mở. Hãy kết thúc một trong hai đợt trước.`;
}
