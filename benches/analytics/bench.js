// Times pmkit's JavaScript (wasm) binding on the generated log (generate.py writes
// target/analytics-bench/*.f64): the weekly cohort matrix and rolling DAU/MAU, best of 3.
// Prints JSON for compare.py.   node benches/analytics/bench.js
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../../bindings-wasm/pkg');

const data = path.join(__dirname, '..', '..', 'target', 'analytics-bench');
const column = (name) => {
  const bytes = fs.readFileSync(path.join(data, name));
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
};
const userIds = column('user_ids.f64');
const times = column('times.f64');

function best(fn) {
  let fastest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    const started = process.hrtime.bigint();
    fn();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return fastest;
}

const result = {
  node: process.version,
  retention: best(() => pmkit.retention(userIds, times)),
  active_users: best(() => pmkit.activeUsers(userIds, times)),
};
process.stdout.write(JSON.stringify(result));
