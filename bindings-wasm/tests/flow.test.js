// pmkit flow metrics from JavaScript: what the shared vectors cannot express.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');
const { throwsPmkit } = require('./helpers');

const workflow = {
  columns: [
    { name: 'Backlog', statuses: ['Backlog'] },
    { name: 'Doing', statuses: ['In Progress'] },
    { name: 'Done', statuses: ['Done'] },
  ],
  backlog: 'Backlog',
  committed: 'Doing',
  done: 'Done',
};

function item(key, start, finish, itemType = 'story', points = 1) {
  const transitions = [{ at: start, from: 'Backlog', to: 'In Progress' }];
  if (finish) transitions.push({ at: finish, from: 'In Progress', to: 'Done' });
  return { key, item_type: itemType, points, created: '2026-03-01', transitions };
}

const items = [
  item('A-1', '2026-03-02T09:00:00', '2026-03-04T17:00:00'),
  item('A-2', '2026-03-03T09:00:00', '2026-03-03T12:00:00', 'bug', 3),
  item('A-3', '2026-03-04T09:00:00', null),
];

test('defaults: elapsed days, ISO weeks, items', () => {
  const timelines = pmkit.itemTimelines(items, workflow, new Date('2026-03-10'));
  assert.equal(timelines.counting, 'elapsed');
  assert.deepEqual(pmkit.durations(timelines), [2, 0]);
  const weekly = pmkit.throughput(timelines);
  assert.equal(weekly.period, 'week');
  assert.deepEqual(weekly.values, [2]);
  assert.deepEqual(weekly.by_type, { bug: [1], story: [1] });
});

test('options objects with camelCase keys, typed arrays in', () => {
  const timelines = pmkit.itemTimelines(items, workflow, '2026-03-10', { counting: 'exact' });
  assert.equal(pmkit.durations(timelines, { kind: 'cycle_time' })[1], 0.125);
  const daily = pmkit.throughput(timelines, { period: 'day', measure: 'points', start: '2026-03-02', end: new Date(Date.UTC(2026, 2, 5)) });
  assert.deepEqual(daily.values, [0, 3, 1, 0]);
  const p = pmkit.percentiles(new Float64Array([1, 2, 3, 4, 10]));
  assert.deepEqual(p.map((x) => x.level), [0.5, 0.85, 0.95]);
  assert.equal(p[0].value, 3);
  assert.deepEqual(pmkit.histogram(new Int32Array([0, 2, 2])), [1, 0, 2]);
});

test('ageing WIP and net flow', () => {
  const timelines = pmkit.itemTimelines(items, workflow, '2026-03-10');
  const open = pmkit.ageingWip(timelines);
  assert.equal(open.length, 1);
  assert.equal(open[0].key, 'A-3');
  assert.equal(open[0].age_days, 6);
  const flow = pmkit.netFlow(timelines, { period: 'day' });
  assert.equal(flow.net.reduce((a, b) => a + b, 0), pmkit.wip(timelines).values.at(-1));
  const cfd = pmkit.cumulativeFlow(timelines, { measure: 'points' });
  assert.deepEqual(cfd.columns, ['Backlog', 'Doing', 'Done']);
});

test('errors are PmkitError objects with kind and field', () => {
  assert.throws(
    () => pmkit.itemTimelines(items, workflow, '2026-03-10', { counting: 'calendar' }),
    (err) => err instanceof Error && err.name === 'PmkitError' && err.kind === 'parse' && err.field === 'counting',
  );
  // A positional option, as the functions took before, is named as the options object.
  throwsPmkit(() => pmkit.throughput(pmkit.itemTimelines(items, workflow, '2026-03-10'), 'day'), 'invalid_input', 'options');
  throwsPmkit(() => pmkit.throughput(pmkit.itemTimelines(items, workflow, '2026-03-10'), { period: 'month' }), 'parse', 'period');
  throwsPmkit(() => pmkit.wip(pmkit.itemTimelines(items, workflow, '2026-03-10'), { meassure: 'points' }), 'parse', 'meassure');
  assert.throws(
    () => pmkit.itemTimelines([{ key: 'X' }], workflow, '2026-03-10'),
    // The first item, missing its other fields, is named by its index.
    (err) => err.kind === 'invalid_input' && err.field === 'items[0]',
  );
  assert.throws(() => pmkit.percentiles([]), (err) => err.kind === 'undefined' && err.field === 'values');
});

test('sample data', () => {
  const timelines = pmkit.itemTimelines(pmkit.sampleItems(), pmkit.sampleWorkflow(), pmkit.sampleToday());
  assert.equal(timelines.items.length, 120);
  assert.equal(pmkit.sampleToday(), '2026-02-20');
  assert.deepEqual(pmkit.syntheticItems(5, 1, '2026-01-01', '2026-02-01'), pmkit.syntheticItems(5, 1, '2026-01-01', '2026-02-01'));
});

test('percentiles and histogram: options object and strict arrays', () => {
  assert.deepEqual(pmkit.percentiles([4, 1, 3, 2], { levels: [0.5] }).map((p) => p.value), [2.5]);
  throwsPmkit(() => pmkit.percentiles([1, 2], { levels: [0.5, 85] }), 'out_of_range', 'levels[1]');
  throwsPmkit(() => pmkit.percentiles([1, 2], { levels: 0.5 }), 'invalid_input', 'levels');
  throwsPmkit(() => pmkit.percentiles([1, '2']), 'invalid_input', 'values[1]');
  throwsPmkit(() => pmkit.histogram(null), 'invalid_input', 'values');
});
