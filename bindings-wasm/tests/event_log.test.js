// EventLog from JavaScript: string ids and event names numbered once, methods equal to
// the free functions over the same codes, breakdowns by a property, and errors.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

// A small deterministic log: UUID-like ids, event names and a plan per user.
const pool = Array.from({ length: 40 }, (_, i) => `user-${(i * 2654435761 % 4294967296).toString(16)}`);
const rows = 600;
const users = [];
const times = [];
const events = [];
const plans = [];
const names = ['view', 'cart', 'buy', 'share'];
for (let row = 0; row < rows; row += 1) {
  const user = (row * 7919) % pool.length;
  users.push(pool[user]);
  times.push(1_704_067_200 + ((row * 104_729) % (60 * 86_400)));
  events.push(names[(row * 31) % names.length]);
  plans.push(['free', 'pro', 'team'][user % 3]);
}
// The same columns as codes, for the free functions.
const userCodes = users.map((id) => pool.indexOf(id));
const eventCodes = events.map((name) => names.indexOf(name));

test('every method equals its free function over the codes', () => {
  const log = new pmkit.EventLog(users, times, { events, properties: { plan: plans } });
  assert.equal(log.length, rows);
  assert.equal(log.users, pool.length);
  assert.deepEqual(log.properties, ['plan']);
  assert.deepEqual(log.eventNames, [...new Set(events)]); // in order of first appearance
  assert.deepEqual(log.activeUsers(), pmkit.activeUsers(userCodes, times));
  assert.deepEqual(log.retention({ period: 'month' }), pmkit.retention(userCodes, times, { period: 'month' }));
  assert.deepEqual(log.userLifecycle(), pmkit.userLifecycle(userCodes, times));
  assert.deepEqual(log.stickinessHistogram(), pmkit.stickinessHistogram(userCodes, times));
  const funnel = log.eventFunnel(['view', 'cart', 'buy']);
  const freeFunnel = pmkit.eventFunnel(userCodes, times, eventCodes, [0, 1, 2]);
  assert.deepEqual(funnel.reached, freeFunnel.reached);
  assert.deepEqual(funnel.steps, ['view', 'cart', 'buy']);
  const retention = log.retention({ startEvent: 'view', returnEvent: 'buy' });
  assert.deepEqual(retention.counts, pmkit.retention(userCodes, times, { events: eventCodes, startEvent: 0, returnEvent: 2 }).counts);
  log.free();
});

test('a breakdown is the metric over each value\'s events, the rest pooled', () => {
  const log = new pmkit.EventLog(users, times, { events, properties: { plan: plans } });
  const byPlan = log.retention({ by: 'plan' });
  assert.equal(byPlan.by, 'plan');
  assert.deepEqual(byPlan.total, log.retention());
  const counts = { free: 0, pro: 0, team: 0 };
  plans.forEach((plan) => { counts[plan] += 1; });
  for (const segment of byPlan.segments) {
    const keep = plans.map((plan) => plan === segment.value);
    const sub = (column) => column.filter((_, row) => keep[row]);
    assert.equal(segment.events, counts[segment.value]);
    assert.equal(segment.other, false);
    assert.deepEqual(segment.result, pmkit.retention(sub(userCodes), sub(times)));
  }
  const capped = log.activeUsers({ by: 'plan', maxSegments: 1 });
  assert.equal(capped.segments.length, 2);
  assert.equal(capped.segments[1].value, 'other');
  assert.equal(capped.segments[1].other, true);
  log.free();
});

test('numbers and integer properties work too', () => {
  const log = new pmkit.EventLog([7, 9, 7], [19002, 19002, 19010], { unit: 'days', properties: { tier: [3, 1, 3] } });
  const byTier = log.retention({ by: 'tier' });
  assert.deepEqual(byTier.segments.map((s) => [s.value, s.events]), [['3', 2], ['1', 1]]);
  assert.deepEqual(byTier.segments[0].result.counts[0], [1, 1]);
});

test('bad input is a PmkitError naming the field', () => {
  const field = (fn) => {
    try {
      fn();
    } catch (err) {
      assert.equal(err.name, 'PmkitError');
      return err.field;
    }
    throw new Error('no error');
  };
  assert.equal(field(() => new pmkit.EventLog(['a', 'b'], [0])), 'times');
  assert.equal(field(() => new pmkit.EventLog(['a', 2], [0, 0])), 'userIds[1]');
  assert.equal(field(() => new pmkit.EventLog(['a'], [0], { propertys: {} })), 'propertys');
  assert.equal(field(() => new pmkit.EventLog(['a'], [0], { properties: { plan: ['x', 'y'] } })), 'properties.plan');
  assert.equal(field(() => new pmkit.EventLog(['a'], [0], { properties: ['plan'] })), 'properties');
  const log = new pmkit.EventLog(['a', 'b'], [0, 86400], { properties: { plan: ['x', 'y'] } });
  assert.equal(field(() => log.eventFunnel(['view'])), 'events');
  assert.equal(field(() => log.activeUsers({ by: 'country' })), 'by');
  assert.equal(field(() => log.activeUsers({ by: 'plan', maxSegments: 0 })), 'maxSegments');
  assert.equal(field(() => log.activeUsers({ by: 3 })), 'by');
  assert.equal(field(() => log.activeUsers({ unit: 'ms' })), 'unit');
  assert.equal(field(() => log.retention({ noSuchOption: 1 })), 'noSuchOption');
  // A Proxy or a throwing getter is an error, and the instance keeps working.
  const trap = new Proxy(['a', 'b'], { get(target, key) { if (key === '1') throw new Error('trap'); return Reflect.get(target, key); } });
  assert.equal(field(() => new pmkit.EventLog(trap, [0, 0])).startsWith('userIds'), true);
  assert.equal(new pmkit.EventLog(['a'], [0]).users, 1);
  // An event name in the free functions, whose events are codes, is an error.
  assert.equal(field(() => pmkit.eventFunnel([1], [0], [0], ['view'])), 'steps[0]');
});
