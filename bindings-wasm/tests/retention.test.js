// Retention projection (fitSbg) and the evidence charts from JavaScript.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];

test("fitSbg reproduces Fader & Hardie's regular cohort and projects it", () => {
  const fit = pmkit.fitSbg(REGULAR.slice(0, 8), { periods: 5, discountRate: 0.1 });
  assert.equal(Math.round(fit.alpha * 1000), 704);
  assert.equal(Math.round(fit.beta * 1000), 1182);
  assert.equal(fit.projected_survivors.length, 5);
  REGULAR.slice(8).forEach((actual, i) => assert.ok(Math.abs(fit.projected_survivors[i] - actual) < 10));
  assert.ok(fit.expected_lifetime == null); // α < 1: an infinite mean lifetime
  // Typed arrays are cohort rows too.
  assert.deepEqual(pmkit.fitSbg(new Uint32Array(REGULAR.slice(0, 8)), { periods: 5 }), fit);
});

test('the sBG variant of customerLifetimeValue tends to DEL', () => {
  const fit = pmkit.fitSbg(REGULAR.slice(0, 8));
  const clv = pmkit.customerLifetimeValue(1, 1, 100000, { sbgAlpha: fit.alpha, sbgBeta: fit.beta, discountRate: 0.1 });
  assert.ok(Math.abs(clv - fit.discounted_expected_lifetime) < 1e-9);
});

test('the evidence charts draw from their results', () => {
  const fit = pmkit.fitSbg(REGULAR.slice(0, 8));
  assert.equal(pmkit.retentionProjectionChart(fit, { theme: 'dark' }).kind, 'retention_projection');
  const experiment = pmkit.compareConversions([1000, 1000], [100, 130]);
  assert.match(pmkit.experimentChart(experiment).description, /^A \(control\): 10%/);
  const months = pmkit.mrrMovements(['a', 'b', 'a'], ['2026-01-05', '2026-01-09', '2026-02-03'], [50, 30, 80]);
  assert.equal(pmkit.mrrChart(months, { width: 320, height: 200 }).width, 320);
});

test('bad curves are PmkitErrors naming the parameter', () => {
  const cases = [
    [() => pmkit.fitSbg([100, 60]), 'invalid_input', 'survivors'],
    [() => pmkit.fitSbg([100, 60, 70]), 'invalid_input', 'survivors[2]'],
    [() => pmkit.fitSbg([100, 60, 50.5]), 'invalid_input', 'survivors[2]'],
    [() => pmkit.fitSbg([100, 100, 100]), 'undefined', 'survivors'],
    [() => pmkit.fitSbg(REGULAR, { discountRate: 0 }), 'out_of_range', 'discountRate'],
    [() => pmkit.customerLifetimeValue(1, 1, 3, { sbgAlpha: 1 }), 'invalid_input', 'sbgBeta'],
  ];
  for (const [call, kind, field] of cases) {
    assert.throws(call, (err) => err instanceof pmkit.PmkitError && err.kind === kind && err.field === field);
  }
});
