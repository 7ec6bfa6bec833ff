/** The time zone the review runs in; dates such as deadlines are days in Vietnam. */
export const APP_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Building an Intl formatter is costly (it showed up as a seventh of an autosave's time); build each once.
const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: APP_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});
const timeFormat = new Intl.DateTimeFormat('vi-VN', {
	timeZone: APP_TIME_ZONE,
	hour: '2-digit',
	minute: '2-digit',
	hour12: false
});

/** Today's date in Vietnam as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
	return dayFormat.format(now);
}

/** The date `days` after an ISO date (negative for before). */
export function addDays(iso: string, days: number): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** "2026-03-07" → "07/03/2026". */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return '';
	const [y, m, d] = iso.split('-');
	return d && m && y ? `${d}/${m}/${y}` : iso;
}

/** "hh:mm" of a moment, in Vietnam. */
export function formatTime(at: Date | number): string {
	return timeFormat.format(at);
}

/** "07/03/2026 14:05" of a moment, in Vietnam: server and browser print the same, wherever they run. */
export function formatDateTime(at: Date | number): string {
	return `${formatDate(todayIso(new Date(at)))} ${formatTime(at)}`;
}
