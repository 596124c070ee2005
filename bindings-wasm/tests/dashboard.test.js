// The product dashboard (pmkit::dashboard) from JavaScript: what the vectors cannot
// express (options objects, Date arguments, charts, the committed sample file).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../pkg');

const { throwsPmkit } = require('./helpers');

test('the sample dashboard, checked by hand', () => {
  const board = pmkit.productDashboard(pmkit.sampleProductFile());
  assert.equal(board.product, 'Checkout');
  assert.equal(board.today, '2026-03-31');
  const nps = board.scorecard.readings.find((r) => r.metric === 'net_promoter_score');
  assert.equal(nps.value, 35); // 10 promoters − 3 detractors of 20
  assert.deepEqual(board.sprint.completed, { items: 4, points: 13 });
  assert.equal(board.velocity.points.mean, 19); // (24 + 20 + 13) / 3
  assert.equal(board.backlog.health.completion_rate, 0.25);
  assert.deepEqual(board.flow.throughput.values, [3, 18, 19, 24, 22, 19]);
  // 6 open stories: one week unless the 3-item week is drawn (1 in 6).
  assert.deepEqual(board.forecast.when.percentiles.map((p) => p.periods), [1, 1, 2, 2]);
  assert.equal(board.forecast.when.percentiles[2].date, '2026-04-14'); // 2 weeks from 31 March
  assert.deepEqual(board.charts.map((c) => c.kind),
    ['burndown', 'burnup', 'velocity', 'cumulative_flow', 'cycle_time', 'forecast', 'roadmap']);
  assert.deepEqual(board.charts[0], pmkit.burndownChart(board.sprint));
  assert.deepEqual(board.charts[5], pmkit.forecastChart(board.forecast.when));
});

test('options: theme, size and today (a Date or an ISO string)', () => {
  const file = pmkit.sampleProductFile();
  const dark = pmkit.productDashboard(file, { theme: 'dark', width: 640, height: 320 });
  assert.ok(dark.charts.every((c) => c.width === 640 && c.height === 320));
  assert.notEqual(dark.charts[0].svg, pmkit.productDashboard(file).charts[0].svg);
  const april = pmkit.productDashboard(file, { today: new Date(Date.UTC(2026, 3, 30)) });
  assert.equal(april.backlog.health.today, '2026-04-30');
  assert.equal(pmkit.productDashboard(file, { today: '2026-04-30' }).today, '2026-04-30');
  // Chart options are checked as the chart functions check theirs.
  throwsPmkit(() => pmkit.productDashboard(file, { theme: 'sepia' }), 'parse', 'theme');
  throwsPmkit(() => pmkit.productDashboard(file, { width: 10 }), 'out_of_range', 'width');
  throwsPmkit(() => pmkit.productDashboard(file, { width: NaN }), 'invalid_input', 'width');
  throwsPmkit(() => pmkit.productDashboard(file, { today: 'soon' }), 'invalid_input', 'today');
  throwsPmkit(() => pmkit.productDashboard(file, { colour: 'red' }), 'parse', 'colour');
});

test('files as objects or JSON text, errors naming the JSON path', () => {
  const file = pmkit.sampleProductFile();
  assert.deepEqual(pmkit.productFileFromJson(JSON.stringify(file)), file);
  const text = '{\n  "sprint_history": [\n    {"sprint_id": "S-1", "completed_points": "ten", "completed_items": 3}\n  ]\n}';
  throwsPmkit(() => pmkit.productFileFromJson(text), 'parse', 'sprint_history[0].completed_points');
  throwsPmkit(() => pmkit.productDashboard(text), 'parse', 'sprint_history[0].completed_points');
  assert.throws(() => pmkit.productFileFromJson(text), /at line 3 column/);
  throwsPmkit(() => pmkit.productDashboard({ snapshot: { nps_responses: [10, 11] } }),
    'out_of_range', 'snapshot.nps_responses[1]');
});

test('a Jira CSV export: a backlog-only dashboard without charts', () => {
  const csv = 'Issue key,Summary,Status,Story Points,Created,Resolved\n' +
    'APP-1,Sign in,Done,3,2026-01-05,2026-01-20\n' +
    'APP-2,Profile page,Ready,,2026-02-01,\n';
  throwsPmkit(() => pmkit.productFileFromJiraCsv(csv), 'parse', 'line 3');
  const file = pmkit.productFileFromJiraCsv(csv, { statuses: { Done: 'done', Ready: 'to_do' } });
  assert.equal(file.product, 'APP');
  assert.equal(file.today, '2026-02-01');
  const board = pmkit.productDashboard(file);
  assert.equal(board.sprint, null);
  assert.deepEqual(board.charts, []);
  assert.equal(board.backlog.health.completion_rate, 0.5); // APP-1 done, APP-2 open
});

test('the committed sample file is the sample', () => {
  const committed = path.join(__dirname, '..', 'www', 'sample-product.json');
  const text = fs.readFileSync(committed, 'utf8');
  assert.deepEqual(pmkit.productFileFromJson(text), pmkit.sampleProductFile());
});
