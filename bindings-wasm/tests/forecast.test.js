// pmkit Monte Carlo forecasts from JavaScript: what the shared vectors cannot express.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

const history = [3, 0, 5, 2, 0, 0, 4, 1, 6, 2];

test('defaults: 10,000 trials, seed 0, four levels', () => {
  const forecast = pmkit.forecastWhen(40, history);
  assert.equal(forecast.trials, 10000);
  assert.deepEqual(forecast.percentiles.map((p) => p.level), [0.5, 0.7, 0.85, 0.95]);
  assert.deepEqual(forecast, pmkit.forecastWhen(40, new Float64Array(history), 10000, 0));
  assert.equal(forecast.deadline_probability, null);
});

test('dates and deadlines as Date or ISO string', () => {
  const a = pmkit.forecastWhen(40, history, 2000, 3, undefined, new Date('2026-03-31'), 1, '2026-05-15');
  const b = pmkit.forecastWhen(40, history, 2000, 3, null, '2026-03-31', undefined, new Date('2026-05-15'));
  assert.deepEqual(a, b);
  assert.ok(a.deadline_probability > 0 && a.deadline_probability <= 1);
  assert.match(a.percentiles[0].date, /^2026-0[45]-\d\d$/);
});

test('how many by periods or by date', () => {
  const forecast = pmkit.forecastHowMany(history, 30);
  const values = forecast.percentiles.map((p) => p.value);
  assert.deepEqual(values, [...values].sort((x, y) => y - x));
  const byDate = pmkit.forecastHowMany(history, undefined, 100, 0, undefined, '2026-03-01', 7, '2026-03-29');
  assert.equal(byDate.periods, 4);
});

test('epics with split rate and risks', () => {
  const forecast = pmkit.forecastEpics(
    [{ name: 'A', low: 5, high: 10 }, { name: 'B', low: 5, high: 10 }],
    history,
    2,
    { low: 0, high: 0.2 },
    [{ name: 'r', epic: 'B', probability: 0.5, low: 1, high: 3 }],
    2000,
  );
  assert.deepEqual(forecast.epics.map((e) => e.name), ['A', 'B']);
});

test('errors', () => {
  assert.throws(() => pmkit.forecastWhen(10, [0, 0]), (err) => err.name === 'PmkitError' && err.kind === 'undefined' && err.field === 'history');
  assert.throws(() => pmkit.forecastHowMany(history), (err) => err.kind === 'invalid_input' && err.field === 'periods');
  assert.throws(() => pmkit.forecastWhen(10, history, -1), (err) => err.field === 'trials');
});
