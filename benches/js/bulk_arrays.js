// Bulk arguments from JavaScript: pmkit on a 10-million-element typed array against a plain
// JavaScript loop over the same array (issue 11 asks for within 3x). Run after `make wasm`:
//   node benches/js/bulk_arrays.js
const p = require('../../bindings-wasm/pkg');
const n = 10_000_000;
const answers = new Uint8Array(n); for (let i = 0; i < n; i++) answers[i] = i % 11;
const fees = new Float64Array(n); for (let i = 0; i < n; i++) fees[i] = (i % 100) + 0.5;
function npsLoop(a) { let pr = 0, de = 0; for (let i = 0; i < a.length; i++) { const v = a[i]; if (v >= 9) pr++; else if (v <= 6) de++; } return 100 * (pr - de) / a.length; }
function sumLoop(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i]; return s; }
function best(f) { let b = Infinity; for (let r = 0; r < 5; r++) { const t = process.hrtime.bigint(); f(); b = Math.min(b, Number(process.hrtime.bigint() - t) / 1e6); } return b; }
const a = best(() => p.netPromoterScore(answers)), b = best(() => npsLoop(answers));
const c = best(() => p.monthlyRecurringRevenue(fees)), d = best(() => sumLoop(fees));
console.log(`netPromoterScore(Uint8Array 1e7): ${a.toFixed(1)} ms, JS loop ${b.toFixed(1)} ms, ratio ${(a / b).toFixed(2)}`);
console.log(`monthlyRecurringRevenue(Float64Array 1e7): ${c.toFixed(1)} ms, JS loop ${d.toFixed(1)} ms, ratio ${(c / d).toFixed(2)}`);
const plain = Array.from(fees.subarray(0, 1_000_000));
const e = best(() => p.monthlyRecurringRevenue(plain)), f = best(() => sumLoop(plain));
console.log(`monthlyRecurringRevenue(Array 1e6): ${e.toFixed(1)} ms, JS loop ${f.toFixed(1)} ms, ratio ${(e / f).toFixed(2)}`);
