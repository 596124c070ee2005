// Roadmaps (pmkit::roadmap) from JavaScript: what the vectors cannot express (Date
// objects, omitted optional arguments, error objects, immutability, JSON round trips).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');
const { throwsPmkit } = require('./helpers');

test('a dependency cycle is named with its path', () => {
  const roadmap = pmkit.sampleRoadmap();
  roadmap.dependencies.push({ from: 'PAY-3', to: 'PAY-1' });
  const report = pmkit.validateRoadmap(roadmap);
  assert.equal(report.valid, false);
  assert.deepEqual(report.issues[0].items, ['PAY-1', 'PAY-3', 'PAY-1']);
  assert.match(report.issues[0].message, /PAY-1 → PAY-3 → PAY-1/);
});

test('progress and feasibility of the sample, defaults omitted', () => {
  const roadmap = pmkit.sampleRoadmap();
  const backlog = pmkit.sampleBacklog();
  const epic = pmkit.roadmapProgress(roadmap, backlog).items.find((item) => item.id === 'PAY-1');
  assert.equal(epic.progress.done_points, 13);
  assert.equal(epic.progress.total_points, 62);
  const epics = pmkit.remainingEpics(roadmap, backlog);
  const plan = pmkit.feasibility(epics, [21, 18, 24, 20, 13], new Date(Date.UTC(2026, 2, 16)), { sprintLengthDays: 14, wipLimit: 2 });
  assert.equal(plan.mean_velocity, 19);
  assert.deepEqual(plan.missed, ['PAY-1']);
  assert.deepEqual(pmkit.feasibility(epics, [19], '2026-03-16'), pmkit.feasibility(epics, [19], '2026-03-16', { sprintLengthDays: 14, wipLimit: 1, window: 3 }));
});

test('lifecycle: forward only unless allowed', () => {
  const lifecycle = pmkit.newLifecycle('introduction', '2025-03-01');
  const grown = pmkit.advanceLifecycle(lifecycle, 'growth', new Date('2025-11-01'));
  assert.equal(grown.history.length, 2);
  assert.equal(lifecycle.history.length, 1);
  assert.throws(() => pmkit.advanceLifecycle(grown, 'introduction', '2026-01-01'), (err) => {
    assert.equal(err.name, 'PmkitError');
    assert.equal(err.field, 'stage');
    return true;
  });
  assert.equal(pmkit.advanceLifecycle(grown, 'sunset', '2026-01-01', { allowBackward: true }).history[2].stage, 'decline');
});

test('JSON round trip', () => {
  const roadmap = pmkit.sampleRoadmap();
  assert.deepEqual(pmkit.roadmapFromJson(pmkit.roadmapToJson(roadmap)), roadmap);
});

test('options objects and strict parameters', () => {
  const epics = [{ id: 'E', remaining_points: 5 }];
  throwsPmkit(() => pmkit.feasibility(epics, [20], '2026-03-16', { wipLimit: 0 }), 'out_of_range', 'wipLimit');
  throwsPmkit(() => pmkit.feasibility(epics, [20], '2026-03-16', { wipLimit: '2' }), 'invalid_input', 'wipLimit');
  throwsPmkit(() => pmkit.feasibility(epics, [20], '2026-03-16', { length: 7 }), 'parse', 'length');
  throwsPmkit(() => pmkit.feasibility(epics, [20, null], '2026-03-16'), 'invalid_input', 'velocityHistory[1]');
  throwsPmkit(() => pmkit.feasibility(epics, [20], null), 'invalid_input', 'firstSprintStart');
  throwsPmkit(() => pmkit.newLifecycle(7, '2025-03-01'), 'invalid_input', 'stage');
  throwsPmkit(() => pmkit.advanceLifecycle(pmkit.newLifecycle('growth', '2025-03-01'), 'introduction', '2026-01-01', { allowBackward: 1 }), 'invalid_input', 'allowBackward');
  throwsPmkit(() => pmkit.roadmapFromJson(null), 'invalid_input', 'text');
});
