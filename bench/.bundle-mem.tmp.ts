import { createDb } from '/work/wt-perf/src/lib/server/db/client';
import { seedDemoData } from '/work/wt-perf/src/lib/server/seed/demo';
import { loadSheetDetail } from '/work/wt-perf/src/lib/server/db/queries/sheets';
import { personalReport } from '/work/wt-perf/src/lib/server/reports';
import { renderBundlePdf } from '/work/wt-perf/src/lib/server/pdf/personal';
const db = createDb(':memory:');
await seedDemoData(db);
const ids = (db.$client.prepare("select id from sheet where status = 'approved' order by id limit 60").all() as { id: number }[]).map((r) => r.id);
const reports = ids.map((id) => personalReport(db, loadSheetDetail(db, id)!));
let peak = 0;
const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const before = process.memoryUsage();
for (let i = 0; i < 2; i++) { const b = await renderBundlePdf(reports); console.log('bundle', reports.length, 'sheets', (b.length/1048576).toFixed(1), 'MB'); }
clearInterval(t);
console.log('heap limit', (await import('v8')).getHeapStatistics().heap_size_limit/1048576, 'rss before', Math.round(before.rss/1048576), 'peak rss', Math.round(peak/1048576));
