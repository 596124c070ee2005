// pmkit analytics from JavaScript: typed arrays, optional arguments, errors, and partial
// counts that add up across shards (what the shared vectors cannot express).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

// 19002 is Monday 2022-01-10 (day numbers since 1970-01-01).
const users = [1, 2, 1, 3];
const days = [19002, 19003, 19022, 19015];

test('typed arrays and plain arrays give the same matrix', () => {
  const plain = pmkit.retention(users, days, { unit: 'days' });
  const typed = pmkit.retention(new Uint32Array(users), new Float64Array(days), { unit: 'D', period: null });
  assert.deepEqual(typed, plain);
  assert.deepEqual(plain.counts, [[2, 0, 1], [1, 0, null], [0, null, null]]);
  assert.equal(plain.options.period, 'week');
});

test('milliseconds from Date.getTime()', () => {
  const times = ['2022-01-10T09:00:00Z', '2022-01-11T09:00:00Z', '2022-01-30T09:00:00Z', '2022-01-23T09:00:00Z']
    .map((text) => new Date(text).getTime());
  const matrix = pmkit.retention(users, times, { period: 'week', cohorts: 'first_time', kind: 'on', unit: 'milliseconds' });
  assert.deepEqual(matrix.cohort_sizes, [2, 1, 0]);
  const active = pmkit.activeUsers(users, times, { unit: 'ms' });
  assert.equal(active.days[0], '2022-01-10');
});

test('errors are PmkitError objects with kind and field', () => {
  assert.throws(() => pmkit.activeUsers([1, -1], [0, 1]), (err) => {
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'PmkitError');
    assert.equal(err.kind, 'invalid_input');
    assert.equal(err.field, 'userIds[1]');
    return true;
  });
  assert.throws(() => pmkit.retention([1], [1.5]), { kind: 'invalid_input', field: 'times[0]' });
  assert.throws(() => pmkit.retention([1], [0], { period: 'fortnight' }), { kind: 'parse', field: 'period' });
});

test('partial counts of user shards merge into the whole', () => {
  const a = pmkit.retentionCounts([1, 1, 3], [19002, 19022, 19015], { kind: 'on_or_after', unit: 'days' });
  const b = pmkit.retentionCounts([2], [19003], { kind: 'on_or_after', unit: 'days' });
  const empty = pmkit.retentionCounts([], [], { kind: 'on_or_after' });
  assert.equal(a.metric, 'retention');
  const whole = pmkit.retention(users, days, { kind: 'on_or_after', unit: 'days' });
  assert.deepEqual(pmkit.finishCounts(pmkit.mergeCounts([empty, b, a])), whole);
  // Counts survive JSON, e.g. posted back from a web worker.
  assert.deepEqual(pmkit.finishCounts(JSON.parse(JSON.stringify(pmkit.mergeCounts([a, b])))), whole);
  const active = pmkit.activeUserCounts([1], [19000], { unit: 'days' });
  assert.throws(() => pmkit.mergeCounts([a, active]), { kind: 'invalid_input', field: 'parts[1]' });
});

test('encodeIds keeps codes across batches; the sample log works', () => {
  const first = pmkit.encodeIds(['ann', 'bob', 'ann']);
  const next = pmkit.encodeIds(['cy', 'ann'], { known: first.ids });
  assert.deepEqual([first.codes, next.codes], [[0, 1, 0], [2, 0]]);
  const sample = pmkit.sampleEvents();
  const matrix = pmkit.retention(sample.user_ids, sample.times);
  assert.equal(matrix.cohort_starts.length, 8);
  assert.equal(matrix.last_period_complete, true);
});

test('churn, adoption, funnels and stickiness take typed arrays', () => {
  const users = new Float64Array([7, 7, 7, 8, 8]);
  const times = new Float64Array([0, 600, 1800, 100, 200]);
  const events = new Uint8Array([1, 2, 3, 1, 2]);
  const funnel = pmkit.eventFunnel(users, times, events, new Uint32Array([1, 2, 3]), { windowSeconds: 3600 });
  assert.deepEqual(funnel.reached, [2, 2, 1]);
  assert.equal(funnel.order, 'sequential');
  const adoption = pmkit.featureAdoption(users, times, events, 3);
  assert.deepEqual([adoption.users, adoption.active], [[1], [2]]);
  assert.equal(pmkit.stickinessHistogram(users, times).active[0], 2);
  assert.deepEqual(pmkit.activityChurn(users, times).churned, [null]);
  assert.throws(() => pmkit.eventFunnel(users, times, events, [1, 1], { order: 'any_order' }), { field: 'steps[1]' });
  const parts = [pmkit.eventFunnelCounts([7, 7], [0, 600], [1, 2], [1, 2]), pmkit.eventFunnelCounts([9, 9], [0, 200], [1, 2], [1, 2])];
  assert.deepEqual(pmkit.finishCounts(pmkit.mergeCounts(parts)).median_seconds_from_previous, [null, 400]);
});
