// Confidence intervals from JavaScript: options objects, BigInt counts and errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

test('proportionInterval takes its options as one object', () => {
  const wilson = pmkit.proportionInterval(8, 20);
  assert.deepEqual(Object.keys(wilson), ['value', 'low', 'high', 'level', 'method']);
  assert.equal(wilson.value, 0.4);
  assert.ok(wilson.low > 0.2188 && wilson.low < 0.2189);
  const exact = pmkit.proportionInterval(0, 10, { method: 'clopper_pearson', level: 0.95 });
  assert.equal(exact.low, 0);
  assert.ok(Math.abs(exact.high - (1 - 0.025 ** 0.1)) < 1e-13);
  assert.deepEqual(pmkit.proportionInterval(3n, 1000n), pmkit.proportionInterval(3, 1000));
});

test('bad input is a PmkitError naming the parameter as JavaScript spells it', () => {
  const cases = [
    [() => pmkit.proportionInterval(0, 0), 'undefined', 'trials'],
    [() => pmkit.proportionInterval(5, 4), 'out_of_range', 'successes'],
    [() => pmkit.proportionInterval(null, 4), 'invalid_input', 'successes'],
    [() => pmkit.proportionInterval('3', 4), 'invalid_input', 'successes'],
    [() => pmkit.proportionInterval(1, 4, { level: 95 }), 'out_of_range', 'level'],
    [() => pmkit.proportionInterval(1, 4, { method: 'bayes' }), 'parse', 'method'],
  ];
  for (const [call, kind, field] of cases) {
    assert.throws(call, (err) => err instanceof pmkit.PmkitError && err.kind === kind && err.field === field);
  }
});
