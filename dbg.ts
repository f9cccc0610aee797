import { loadEventSet, SECOND_BLIND_EVENTS_FILE } from './scripts/merge-eval/evaluate-events.ts';
import { profileCopy } from './src/pipeline/merge/match-profile.ts';
import { judgeRewrite, weighAnchors } from './src/pipeline/merge/rewrite-match.ts';
const set = loadEventSet(SECOND_BLIND_EVENTS_FILE);
const g = set.events.find((e) => e.id === process.argv[2])!;
const [a, b] = [Number(process.argv[3]), Number(process.argv[4])].map((i) => g.copies[i - 1]!);
const pa = profileCopy({ title: a.title, contentHtml: a.html }), pb = profileCopy({ title: b.title, contentHtml: b.html });
for (const p of [pa, pb]) console.log([...p.figures], [...p.days], [...p.hours], [...p.anchors], [...p.names].slice(0, 8));
console.log(judgeRewrite({ copy: pb, other: pa, anchors: weighAnchors(pb, pa, () => 0), containment: 0.1, gapMs: 2 * 3600e3, copyDay: { year: 2026, month: 7, day: 1 }, otherDay: { year: 2026, month: 7, day: 1 } }));
