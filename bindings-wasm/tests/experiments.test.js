// Experiments from JavaScript: one options object, BigInt counts, identical simulations, errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

test('compareConversions gives the verdict, lift and how much longer in one call', () => {
  const result = pmkit.compareConversions([1000, 1000], [100, 104], { minimumDetectableEffect: 0.2, dailyUsers: 500 });
  assert.equal(result.verdict, 'keep_running');
  assert.equal(result.bayesian_method, 'closed_form');
  const variant = result.variants[1];
  assert.equal(variant.relative_lift.method, 'katz_log');
  assert.ok(Math.abs(variant.relative_lift.value - 0.04) < 1e-12);
  assert.equal(result.more_users_needed, 2 * (result.users_needed_per_variant - 1000));
  assert.equal(result.days_left, Math.ceil((result.users_needed_per_variant - 1000) / 250));
});

test('three variants simulate the same numbers for the same seed', () => {
  const first = pmkit.compareConversions([5000, 5000, 5000], [500, 540, 470], { draws: 20000, seed: 42 });
  const again = pmkit.compareConversions([5000, 5000, 5000], [500, 540, 470], { draws: 20000, seed: 42 });
  assert.equal(first.bayesian_method, 'simulation');
  assert.deepEqual(first, again);
  const total = first.variants.reduce((sum, v) => sum + v.probability_best, 0);
  assert.ok(Math.abs(total - 1) < 1e-12);
});

test('compareMeans, compareMeanValues, sampleSize and sampleRatioMismatch', () => {
  const welch = pmkit.compareMeans([11, 13], [12, 15], [Math.sqrt(39), Math.sqrt(87.5)]);
  assert.ok(Math.abs(welch.variants[1].p_value - 0.35999818693244234) < 1e-12);
  const raw = pmkit.compareMeanValues([[2, 4, 6, 9, 11, 13, 14, 15, 18, 19, 21], [1, 3, 4, 6, 11, 13, 15, 19, 22, 24, 25, 26, 26]]);
  assert.ok(Math.abs(raw.variants[1].p_value - welch.variants[1].p_value) < 1e-9);
  const plan = pmkit.sampleSize(0.1, 0.1, { dailyUsers: 2000 });
  assert.equal(plan.users_per_variant, 14745);
  assert.equal(plan.days, 15);
  const check = pmkit.sampleRatioMismatch([16, 18, 16, 14, 12, 12]);
  assert.ok(Math.abs(check.p_value - 0.8491450360846096) < 1e-13);
  assert.equal(pmkit.sampleRatioMismatch([9000, 1000], { expectedSplit: [90, 10] }).mismatch, false);
});

test('bad input is a PmkitError naming the parameter as JavaScript spells it', () => {
  const cases = [
    [() => pmkit.compareConversions([10], [1]), 'undefined', 'users'],
    [() => pmkit.compareConversions([10, 0], [1, 0]), 'undefined', 'users[1]'],
    [() => pmkit.compareConversions([10, 10], [1, 11]), 'out_of_range', 'conversions[1]'],
    [() => pmkit.compareConversions([10, 10], [1, 1], { minimumDetectableEffect: -1 }), 'invalid_input', 'minimumDetectableEffect'],
    [() => pmkit.compareConversions([10, 10], [1, 1], { srmThreshold: 2 }), 'out_of_range', 'srmThreshold'],
    [() => pmkit.sampleSize(0.1, 0.1, { metric: 'mean' }), 'undefined', 'standardDeviation'],
    [() => pmkit.sampleRatioMismatch([5, 5], { expectedSplit: [1, 0] }), 'out_of_range', 'expectedSplit[1]'],
  ];
  for (const [call, kind, field] of cases) {
    assert.throws(call, (err) => err instanceof pmkit.PmkitError && err.kind === kind && err.field === field);
  }
});
