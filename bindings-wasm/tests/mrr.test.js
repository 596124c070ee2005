// MRR movements from JavaScript: ISO dates, the exact sum check, errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

test('mrrMovements balances every month exactly (in millionths)', () => {
  const customers = ['a', 'b', 'a', 'b', 'c', 'a', 'a', 'c'];
  const dates = ['2026-01-03', '2026-01-30', '2026-02-01', '2026-03-15', '2026-02-28', '2026-04-02', '2026-05-20', '2026-05-21'];
  const months = pmkit.mrrMovements(customers, dates, [49.99, 10.01, 99.99, 5.03, 0.1, 0, 19.99, 0.3]);
  assert.equal(months.length, 5);
  const units = (value) => Math.round(value * 1e6);
  for (const m of months) {
    const gained = units(m.new_mrr) + units(m.expansion_mrr) + units(m.reactivation_mrr);
    const lost = units(m.contraction_mrr) + units(m.churned_mrr);
    assert.equal(units(m.starting_mrr) + gained - lost, units(m.ending_mrr), m.month);
  }
  assert.equal(months[4].expansion_mrr, 0.2);
  assert.equal(months[4].reactivated_customers, 1);
});

test('dates may be Date objects or ISO text', () => {
  const iso = pmkit.mrrMovements(['a', 'a'], ['2026-01-05', '2026-02-05'], [10, 12]);
  const native = pmkit.mrrMovements(['a', 'a'], [new Date('2026-01-05'), new Date('2026-02-05')], [10, 12]);
  assert.deepEqual(native, iso);
});

test('bad ledgers are PmkitErrors naming the parameter', () => {
  const cases = [
    [() => pmkit.mrrMovements([], [], []), 'undefined', 'customers'],
    [() => pmkit.mrrMovements(['a'], ['2026-01-01'], [-1]), 'invalid_input', 'mrr[0]'],
    [() => pmkit.mrrMovements(['a', 'b'], ['2026-01-01'], [1, 2]), 'invalid_input', 'dates'],
    [() => pmkit.mrrMovements(['a'], '2026-01-01', [1]), 'invalid_input', 'dates'],
    [() => pmkit.mrrMovements(['a', 'b'], ['2026-01-01', null], [1, 2]), 'invalid_input', 'dates[1]'],
  ];
  for (const [call, kind, field] of cases) {
    assert.throws(call, (err) => err instanceof pmkit.PmkitError && err.kind === kind && err.field === field);
  }
});
