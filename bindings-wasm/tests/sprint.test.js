// Sprints (pmkit::sprint) from JavaScript: what the vectors cannot express (Date
// objects, omitted optional arguments, error objects, immutability, JSON round trips).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

const { throwsPmkit } = require('./helpers');

test('the hand-computed sprint', () => {
  const report = pmkit.sprintReport(pmkit.sampleSprint());
  assert.equal(report.count_by, 'points');
  assert.deepEqual(report.ideal, [16, 14, 12, 10, 8, 8, 8, 6, 6, 4, 2, 0]);
  assert.deepEqual(report.remaining, [18, 15, 18, 16, 16, 16, 16, 19, 19, 16, 11, 8]);
  assert.deepEqual(report.scope, [18, 18, 21, 21, 21, 21, 21, 24, 24, 21, 21, 21]);
  assert.deepEqual(report.completed, { items: 4, points: 13 });
  assert.deepEqual(report.carry_over, [{ id: 'C', points: 8, committed: true }]);
  assert.equal(report.say_do_ratio, 10 / 18);
  assert.equal(pmkit.sprintReport(pmkit.sampleSprint(), { countBy: 'items' }).remaining.at(-1), 1);
});

test('Date objects by their UTC day, optional arguments omitted', () => {
  const sprint = pmkit.newSprint('S-1', 'Sprint 1', new Date(Date.UTC(2026, 2, 2)), '2026-03-13');
  assert.equal(sprint.start, '2026-03-02');
  assert.equal(sprint.state, 'planned');
  assert.deepEqual(sprint.team, []);
  assert.equal(pmkit.workingDays('2026-03-02', '2026-03-08').length, 5);
  const history = pmkit.sampleSprintHistory();
  assert.deepEqual(pmkit.velocity(history), pmkit.velocity(history, { window: 3 }));
  assert.equal(pmkit.velocity(history).points.trend, -5.5);
  assert.ok(Math.abs(pmkit.planCapacity(history, 36).points - (36 * 57) / 112) < 1e-12);
});

test('errors are PmkitError objects naming the field', () => {
  throwsPmkit(() => pmkit.newSprint('S-1', 'S', '2026-03-02', '2026-04-02'), 'out_of_range', 'end');
  throwsPmkit(() => pmkit.workingDays(new Date(NaN), '2026-03-08'), 'invalid_input', 'start');
  const log = pmkit.sampleSprint();
  log.events[1].points = null;
  throwsPmkit(() => pmkit.sprintReport(log), 'invalid_input', 'log.events[1].points');
  throwsPmkit(() => pmkit.sprintCapacity(log.sprint, [{ name: 'a', focus: 1 }]), 'invalid_input', 'members[0].focus');
});

test('JSON round trip leaves the argument untouched', () => {
  const log = pmkit.sampleSprint();
  const before = structuredClone(log);
  const text = pmkit.sprintLogToJson(log);
  assert.deepEqual(pmkit.sprintLogFromJson(text), log);
  assert.deepEqual(log, before);
});

test('options objects and strict parameters', () => {
  const sprint = pmkit.newSprint('S-1', 'Sprint 1', '2026-03-02', '2026-03-13', { goal: 'g', team: ['ana'], state: 'active' });
  assert.deepEqual([sprint.goal, sprint.team, sprint.state], ['g', ['ana'], 'active']);
  assert.equal(pmkit.workingDays('2026-03-02', '2026-03-13', { calendar: { holidays: ['2026-03-10'] } }).length, 9);
  const history = pmkit.sampleSprintHistory();
  assert.notDeepEqual(pmkit.velocity(history, { window: 5 }), pmkit.velocity(history));
  assert.ok(Math.abs(pmkit.planCapacity(history, 36, { window: 5 }).sprints - 5) < 1e-12);
  throwsPmkit(() => pmkit.sprintReport(pmkit.sampleSprint(), { countBy: 'hours' }), 'parse', 'countBy');
  throwsPmkit(() => pmkit.velocity(history, { window: 0 }), 'out_of_range', 'window');
  throwsPmkit(() => pmkit.velocity(history, { window: '3' }), 'invalid_input', 'window');
  throwsPmkit(() => pmkit.planCapacity(history, null), 'invalid_input', 'availablePersonDays');
  throwsPmkit(() => pmkit.planCapacity(history, '36'), 'invalid_input', 'availablePersonDays');
  throwsPmkit(() => pmkit.newSprint(1, 'Sprint 1', '2026-03-02', '2026-03-13'), 'invalid_input', 'id');
  throwsPmkit(() => pmkit.workingDays('2026-03-02', '2026-03-13', { calendar: { weekends: [] } }), 'invalid_input', 'calendar.weekends');
  throwsPmkit(() => pmkit.sprintLogFromJson(null), 'invalid_input', 'text');
});
