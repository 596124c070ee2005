// The product owner's metrics and the catalog from JavaScript: what the vectors cannot
// express (Date objects, omitted optional arguments, typed arrays, error objects, the catalog).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

/** Asserts `fn` throws a PmkitError of `kind` naming `field`. */
const { throwsPmkit } = require('./helpers');

test('timeToMarket takes Dates (by their UTC day) and ISO strings', () => {
  assert.equal(pmkit.timeToMarket(new Date('2026-01-15'), new Date('2026-04-15')), 90);
  assert.equal(pmkit.timeToMarket('2026-01-15', new Date(Date.UTC(2026, 3, 15))), 90);
  // 23:30 UTC is still the 15th in UTC, whatever the machine's time zone.
  assert.equal(pmkit.timeToMarket(new Date('2026-01-15T23:30:00Z'), '2026-01-16'), 1);
});

test('timeToMarket errors', () => {
  throwsPmkit(() => pmkit.timeToMarket('2026-05-10', '2026-05-01'), 'invalid_input', 'launchDate');
  throwsPmkit(() => pmkit.timeToMarket('15/01/2026', '2026-04-15'), 'parse', 'conceptDate');
  throwsPmkit(() => pmkit.timeToMarket(new Date('not a date'), '2026-04-15'), 'invalid_input', 'conceptDate');
  throwsPmkit(() => pmkit.timeToMarket('2026-01-15', 20260415), 'invalid_input', 'launchDate');
  throwsPmkit(() => pmkit.timeToMarket('2026-01-15'), 'invalid_input', 'launchDate');
});

test('timeToMarket message names both dates', () => {
  assert.throws(() => pmkit.timeToMarket('2026-05-10', '2026-05-01'), /2026-05-01.*2026-05-10/);
});

test('teamVelocity defaults to a window of 3 and takes typed arrays', () => {
  const points = new Float64Array([1, 5, 20, 24, 22]);
  assert.deepEqual(pmkit.teamVelocity(points), pmkit.teamVelocity(points, { window: 3 }));
  assert.deepEqual(pmkit.teamVelocity([5, 20, 24, 22]), {
    mean: 22, median: 22, standard_deviation: 2, min: 20, max: 24, sprints: 3,
  });
  assert.equal(pmkit.teamVelocity(new Uint16Array([13])).standard_deviation, null);
  throwsPmkit(() => pmkit.teamVelocity([3], { window: 0 }), 'out_of_range', 'window');
  throwsPmkit(() => pmkit.teamVelocity([]), 'undefined', 'completedPoints');
});

test('backlogCompletionRate', () => {
  assert.equal(pmkit.backlogCompletionRate(34, 40), 0.85);
  throwsPmkit(() => pmkit.backlogCompletionRate(9, 8), 'out_of_range', 'completed');
  throwsPmkit(() => pmkit.backlogCompletionRate(NaN, 8), 'invalid_input', 'completed');
});

test('sprintBurndown returns plain arrays', () => {
  const chart = pmkit.sprintBurndown(40, new Float64Array([32, 25]), 4);
  assert.ok(Array.isArray(chart.ideal));
  assert.deepEqual(chart, { ideal: [40, 30, 20, 10, 0], actual: [40, 32, 25], gap: [0, 2, 5] });
  throwsPmkit(() => pmkit.sprintBurndown(10, [], 2.5), 'invalid_input', 'sprintDays');
});

test('defectDensity weights are optional (undefined or null)', () => {
  assert.equal(pmkit.defectDensity([30], 15), 2);
  assert.equal(pmkit.defectDensity([30], 15, null), 2);
  assert.equal(pmkit.defectDensity(new Uint32Array([2, 5, 10]), 9, { severityWeights: [10, 3, 1] }), 5);
  throwsPmkit(() => pmkit.defectDensity([3, 4], 1, { severityWeights: [1] }), 'invalid_input', 'severityWeights');
});

test('defectEscapeRate', () => {
  assert.equal(pmkit.defectEscapeRate(4, 36), 0.1);
  throwsPmkit(() => pmkit.defectEscapeRate(0, 0), 'undefined', 'foundBeforeRelease');
});

test('stakeholderEngagement takes plain objects', () => {
  const result = pmkit.stakeholderEngagement([
    { name: 'CFO', current: 'resistant', desired: 'supportive' },
    { name: 'Sales VP', current: 'leading', desired: 'supportive' },
  ]);
  assert.deepEqual(result, {
    share_at_or_above_desired: 0.5,
    mean_gap: 1,
    gaps: [{ name: 'CFO', current: 'resistant', desired: 'supportive', shortfall: 2 }],
  });
});

test('stakeholderEngagement errors name the entry', () => {
  throwsPmkit(() => pmkit.stakeholderEngagement('CFO'), 'invalid_input', 'stakeholders');
  throwsPmkit(() => pmkit.stakeholderEngagement([]), 'undefined', 'stakeholders');
  throwsPmkit(
    () => pmkit.stakeholderEngagement([{ name: 'A', current: 'neutral', desired: 'neutral' }, 42]),
    'invalid_input',
    'stakeholders[1]',
  );
  throwsPmkit(
    () => pmkit.stakeholderEngagement([{ name: 'A', current: 'champion', desired: 'leading' }]),
    'invalid_input',
    'stakeholders[0].current',
  );
  throwsPmkit(
    () => pmkit.stakeholderEngagement([{ name: ' ', current: 'neutral', desired: 'leading' }]),
    'invalid_input',
    'stakeholders[0].name',
  );
});

test('metricsCatalog lists every metric once, with its owners', () => {
  const catalog = pmkit.metricsCatalog();
  assert.equal(catalog.length, 22);
  assert.equal(new Set(catalog.map((info) => info.id)).size, 22);
  const owner = catalog.filter((info) => info.owners.includes('product_owner')).map((info) => info.id);
  assert.deepEqual(owner.sort(), [
    'backlog_completion_rate', 'churn_rate', 'customer_retention_rate', 'defect_density',
    'defect_escape_rate', 'sprint_burndown', 'stakeholder_engagement', 'team_velocity',
    'time_to_market',
  ]);
  const burndown = catalog.find((info) => info.id === 'sprint_burndown');
  assert.equal(burndown.higher_is_better, null);
  assert.deepEqual(Object.keys(burndown).sort(), [
    'formula', 'function', 'higher_is_better', 'id', 'name', 'owners', 'source', 'unit',
  ]);
});

test('every catalog function exists under its camelCase name', () => {
  const camel = (name) => name.replace(/_([a-z0-9])/g, (_, letter) => letter.toUpperCase());
  const missing = pmkit.metricsCatalog()
    .map((info) => camel(info.function))
    .filter((name) => typeof pmkit[name] !== 'function');
  assert.deepEqual(missing, []);
});
