// Charts (pmkit::chart) from JavaScript: what the vectors cannot express (omitted and
// partial options objects, error objects, plain Chart objects, writing a file).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const pmkit = require('../pkg');

const BURNDOWN_DESCRIPTION =
  'Remaining work fell from 18 to 8 points over 12 days (9 working), 2026-03-02 to ' +
  '2026-03-13; the ideal line falls from 18 to 0 by the last working day. Scope rose ' +
  'from 18 to 21 points (peak 24).';

const report = pmkit.sprintReport(pmkit.sampleSprint());

const { throwsPmkit } = require('./helpers');

test('the sample burndown is a plain Chart object', () => {
  const chart = pmkit.burndownChart(report);
  assert.deepEqual(Object.keys(chart).sort(), ['description', 'height', 'kind', 'svg', 'title', 'width']);
  assert.equal(chart.kind, 'burndown');
  assert.equal(chart.title, 'Sprint burndown — S-12');
  assert.equal(chart.description, BURNDOWN_DESCRIPTION);
  assert.equal(chart.width, 720);
  assert.equal(chart.height, 400);
  assert.ok(chart.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 400"'));
  assert.ok(chart.svg.endsWith('</svg>\n'));
  assert.ok(chart.svg.includes(`>${BURNDOWN_DESCRIPTION}</desc>`));
});

test('options: omitted, null, empty, partial, or a JSON round trip of the report', () => {
  const byDefault = pmkit.burndownChart(report);
  assert.deepEqual(pmkit.burndownChart(report, null), byDefault);
  assert.deepEqual(pmkit.burndownChart(report, undefined), byDefault);
  assert.deepEqual(pmkit.burndownChart(report, {}), byDefault);
  assert.deepEqual(pmkit.burndownChart(report, { width: 720, height: 400, theme: 'light' }), byDefault);
  assert.deepEqual(pmkit.burndownChart(report, { width: null, theme: null }), byDefault);
  assert.deepEqual(pmkit.burndownChart(JSON.parse(JSON.stringify(report))), byDefault);
  const wide = pmkit.burndownChart(report, { width: 1024 });
  assert.equal(wide.width, 1024);
  assert.equal(wide.height, 400);
  assert.ok(wide.svg.includes('viewBox="0 0 1024 400"'));
  const dark = pmkit.burndownChart(report, { theme: 'Dark' });
  assert.notEqual(dark.svg, byDefault.svg);
  assert.deepEqual(pmkit.burndownChart(report, { theme: 'dark' }), dark);
});

test('option errors name the option', () => {
  throwsPmkit(() => pmkit.burndownChart(report, { width: 239 }), 'out_of_range', 'width');
  throwsPmkit(() => pmkit.burndownChart(report, { width: 4001 }), 'out_of_range', 'width');
  throwsPmkit(() => pmkit.burndownChart(report, { width: 2 ** 40 }), 'out_of_range', 'width');
  throwsPmkit(() => pmkit.burnupChart(report, { height: 159 }), 'out_of_range', 'height');
  throwsPmkit(() => pmkit.burnupChart(report, { width: 720.5 }), 'invalid_input', 'width');
  throwsPmkit(() => pmkit.burnupChart(report, { height: -1 }), 'invalid_input', 'height');
  throwsPmkit(() => pmkit.burnupChart(report, { width: NaN }), 'invalid_input', 'width');
  throwsPmkit(() => pmkit.velocityChart([], { theme: 'sepia' }), 'parse', 'theme');
  // The options object's shape: a misspelt key or a wrong type.
  throwsPmkit(() => pmkit.burndownChart(report, { widht: 800 }), 'parse', 'widht');
  throwsPmkit(() => pmkit.burndownChart(report, { theme: 1 }), 'invalid_input', 'theme');
  throwsPmkit(() => pmkit.burndownChart(report, { width: '800' }), 'invalid_input', 'width');
  throwsPmkit(() => pmkit.burndownChart(report, { width: true }), 'invalid_input', 'width');
  throwsPmkit(() => pmkit.burndownChart(report, 800), 'invalid_input', 'options');
  assert.equal(pmkit.burndownChart(report, { width: 240, height: 160 }).width, 240);
  assert.equal(pmkit.burndownChart(report, { width: 4000, height: 4000 }).height, 4000);
});

test('model errors name the model', () => {
  throwsPmkit(() => pmkit.burndownChart({ sprint_id: 'S-1' }), 'invalid_input', 'report');
  throwsPmkit(() => pmkit.burnupChart(42), 'invalid_input', 'report');
  throwsPmkit(() => pmkit.velocityChart([{ sprint_id: 'S-1' }]), 'invalid_input', 'history[0]');
});

test('burnup and velocity of the samples', () => {
  const burnup = pmkit.burnupChart(pmkit.sprintReport(pmkit.sampleSprint(), { countBy: 'items' }));
  assert.equal(burnup.kind, 'burnup');
  assert.equal(burnup.title, 'Sprint burnup — S-12');
  assert.ok(burnup.description.endsWith('Scope stayed at 5 items; 1 item not done at the end.'));
  const velocity = pmkit.velocityChart(pmkit.sampleSprintHistory(), { theme: 'dark' });
  assert.equal(velocity.kind, 'velocity');
  assert.equal(velocity.title, 'Velocity — S-8 to S-12');
  // (21 + 18 + 24 + 20 + 13) / 5 = 19.2
  assert.ok(velocity.description.endsWith('mean completed 19.2 points.'));
  assert.equal(pmkit.velocityChart([]).description, 'No sprints to draw (0 sprints).');
});

test('the svg writes to a file as UTF-8', () => {
  const chart = pmkit.burndownChart(report);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmkit-chart-'));
  try {
    const file = path.join(dir, `${chart.kind}.svg`);
    fs.writeFileSync(file, chart.svg);
    assert.ok(fs.readFileSync(file).equals(Buffer.from(chart.svg, 'utf8')));
    assert.equal(fs.readFileSync(file, 'utf8'), chart.svg);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('flow, forecast, roadmap and analytics charts of their results', () => {
  const timelines = pmkit.itemTimelines(pmkit.sampleItems(), pmkit.sampleWorkflow(), pmkit.sampleToday());
  const flow = pmkit.cumulativeFlowChart(pmkit.cumulativeFlow(timelines), { theme: 'dark' });
  assert.equal(flow.kind, 'cumulative_flow');
  // 120 items entered: 105 done + 5 in review + 10 in progress, none left in the backlog.
  assert.ok(flow.description.endsWith('At the end: Backlog 0, In Progress 10, Review 5, Done 105; 120 entered in all.'));
  const cycle = pmkit.cycleTimeChart(timelines);
  assert.equal(cycle.kind, 'cycle_time');
  assert.ok(cycle.description.startsWith('105 items finished, 2026-01-12 to 2026-02-20.'));

  const forecast = pmkit.forecastChart(pmkit.forecastWhen(30, [2, 0, 3, 5, 1, 0, 4], { trials: 2000, seed: 42 }));
  assert.equal(forecast.kind, 'forecast');
  assert.ok(forecast.description.startsWith('2000 trials finished in 7 to 29 periods'));

  const roadmap = pmkit.sampleRoadmap();
  const onDate = pmkit.roadmapChart(roadmap, new Date(Date.UTC(2026, 2, 16)), { width: 960 });
  assert.deepEqual(pmkit.roadmapChart(roadmap, '2026-03-16', { width: 960 }), onDate);
  assert.equal(onDate.title, 'Roadmap — Checkout');
  assert.ok(onDate.description.endsWith('Today is 2026-03-16.'));
  throwsPmkit(() => pmkit.roadmapChart(roadmap, '16/03/2026'), 'parse', 'today');
  throwsPmkit(() => pmkit.roadmapChart({ ...roadmap, product: '' }, '2026-03-16'), 'invalid_input', 'roadmap.product');

  // Weekly cohorts from Monday 2 Jan 2023: users 1 and 2 in week 0, user 3 in week 1;
  // user 1 back in week 1 -> 1 of 2 (cohort 1's week 1 is the unfinished last week).
  const users = [1, 2, 1, 3, 2];
  const days = [19359, 19360, 19366, 19367, 19374];
  const retention = pmkit.retentionChart(pmkit.retention(users, days, { unit: 'days' }));
  assert.equal(retention.kind, 'retention');
  assert.ok(retention.description.includes('Weighted average: 50% in week 1'));
  const active = pmkit.activeUsersChart(pmkit.activeUsers(users, days, { unit: 'days' }), { height: 300 });
  assert.equal(active.kind, 'active_users');
  assert.equal(active.height, 300);

  for (const [fn, field] of [
    [pmkit.cumulativeFlowChart, 'flow'],
    [pmkit.cycleTimeChart, 'timelines'],
    [pmkit.forecastChart, 'forecast'],
    [pmkit.retentionChart, 'retention'],
    [pmkit.activeUsersChart, 'active'],
  ]) {
    throwsPmkit(() => fn({ nope: 1 }), 'invalid_input', field);
    throwsPmkit(() => fn({ nope: 1 }, { width: 1 }), 'invalid_input', field); // the model first
  }
});
