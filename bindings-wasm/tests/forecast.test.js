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
  assert.deepEqual(forecast, pmkit.forecastWhen(40, new Float64Array(history), { trials: 10000, seed: 0 }));
  assert.equal(forecast.deadline_probability, null);
});

test('dates and deadlines as Date or ISO string', () => {
  const a = pmkit.forecastWhen(40, history, { trials: 2000, seed: 3, start: new Date('2026-03-31'), periodDays: 1, deadline: '2026-05-15' });
  const b = pmkit.forecastWhen(40, history, { trials: 2000, seed: 3, levels: null, start: '2026-03-31', deadline: new Date('2026-05-15') });
  assert.deepEqual(a, b);
  assert.ok(a.deadline_probability > 0 && a.deadline_probability <= 1);
  assert.match(a.percentiles[0].date, /^2026-0[45]-\d\d$/);
});

test('how many by periods or by date', () => {
  const forecast = pmkit.forecastHowMany(history, { periods: 30 });
  const values = forecast.percentiles.map((p) => p.value);
  assert.deepEqual(values, [...values].sort((x, y) => y - x));
  const byDate = pmkit.forecastHowMany(history, { trials: 100, seed: 0, start: '2026-03-01', periodDays: 7, deadline: '2026-03-29' });
  assert.equal(byDate.periods, 4);
});

test('epics with split rate and risks', () => {
  const forecast = pmkit.forecastEpics(
    [{ name: 'A', low: 5, high: 10 }, { name: 'B', low: 5, high: 10 }],
    history,
    {
      wipLimit: 2,
      splitRate: { low: 0, high: 0.2 },
      risks: [{ name: 'r', epic: 'B', probability: 0.5, low: 1, high: 3 }],
      trials: 2000,
    },
  );
  assert.deepEqual(forecast.epics.map((e) => e.name), ['A', 'B']);
});

test('errors', () => {
  assert.throws(() => pmkit.forecastWhen(10, [0, 0]), (err) => err.name === 'PmkitError' && err.kind === 'undefined' && err.field === 'history');
  assert.throws(() => pmkit.forecastHowMany(history), (err) => err.kind === 'invalid_input' && err.field === 'periods');
  assert.throws(() => pmkit.forecastWhen(10, history, { trials: -1 }), (err) => err.field === 'trials');
});
