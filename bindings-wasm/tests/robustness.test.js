// No JavaScript call may crash the wasm module: every exported function, given hostile
// arguments in every position, returns or throws a PmkitError naming the parameter, and
// the module keeps working afterwards. (wasm-bindgen's own glue would read a number as a
// string pointer, a `RuntimeError: memory access out of bounds`, so every string and
// number-array parameter crosses as a JsValue checked in bindings-wasm/src/convert.rs.)
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');
const { throwsPmkit } = require('./helpers');

const HOSTILE = [{}, 5, null, 'x', [], NaN, undefined];
// What the other positions hold while one position is hostile: a hostile argument must
// be reached (and rejected) whatever came before it.
const FILLERS = [undefined, [], 'x'];

const isClass = (fn) => /^class\b/.test(Function.prototype.toString.call(fn));
const exported = Object.entries(pmkit).filter(([, value]) => typeof value === 'function' && !isClass(value));

const show = (args) => args.map((arg) => (typeof arg === 'string' ? `'${arg}'` : JSON.stringify(arg) ?? String(arg))).join(', ');

/** `fn(...args)` returns, or throws a PmkitError; anything else fails, naming the call. */
function returnsOrThrowsPmkit(name, fn, args) {
  try {
    fn(...args);
  } catch (err) {
    // No exceptions: number parameters take any value here (JavaScript turns {} or 'x' into
    // NaN, which the core rejects), and array and string parameters are checked in Rust. Only
    // a BigInt or Symbol where a plain number belongs would throw a TypeError (the engine's
    // own ToNumber in the glue), and no hostile value here is one.
    assert.ok(!(err instanceof WebAssembly.RuntimeError), `${name}(${show(args)}) crashed the module: ${err}`);
    assert.ok(err instanceof Error, `${name}(${show(args)}) threw a non-Error: ${String(err)}`);
    assert.equal(err.name, 'PmkitError', `${name}(${show(args)}) threw ${err.name}: ${err.message}`);
    assert.equal(typeof err.field, 'string');
    assert.ok(err.message.startsWith(`${err.field}: `), err.message);
  }
}

test('the walk sees the whole API', () => {
  assert.ok(exported.length > 100, `only ${exported.length} functions`);
  const names = exported.map(([name]) => name);
  for (const name of ['retention', 'activeUsers', 'eventFunnel', 'productFileFromJson', 'newSprint', 'kanoSummary']) {
    assert.ok(names.includes(name), name);
  }
});

test('every exported function, hostile arguments in every position: a result or a PmkitError', () => {
  let calls = 0;
  for (const [name, fn] of exported) {
    const arity = fn.length;
    for (const hostile of HOSTILE) {
      returnsOrThrowsPmkit(name, fn, new Array(arity).fill(hostile));
      calls += 1;
      for (const filler of FILLERS) {
        for (let position = 0; position < arity; position += 1) {
          const args = new Array(arity).fill(filler);
          args[position] = hostile;
          returnsOrThrowsPmkit(name, fn, args);
          calls += 1;
        }
      }
    }
  }
  assert.ok(calls > 2000, `${calls} calls`);
  // The module still works after thousands of rejected calls.
  assert.deepEqual(pmkit.netPromoterScore([10, 9]), { score: 100, promoters: 2, passives: 0, detractors: 0, responses: 2 });
});

/** A PmkitError on `field` whose message is exactly `field: reason`. */
function throwsReason(call, kind, field, reason) {
  throwsPmkit(call, kind, field);
  assert.throws(call, (err) => {
    assert.equal(err.message, `${field}: ${reason}`);
    return true;
  });
}

// Monday 2022-01-10 onwards, as day numbers since 1970-01-01.
const users = [1, 2, 1, 3];
const days = [19002, 19003, 19022, 19015];

test('a non-string where a string belongs names the parameter (the reviewer\'s cases)', () => {
  const u = [1, 2, 1];
  const t = [1641800000, 1641900000, 1642500000];
  // Analytics options come in one object; a value of the wrong type names its option.
  assert.equal(pmkit.retention(u, t, { unit: 'seconds', period: 'day' }).options.period, 'day');
  throwsReason(() => pmkit.retention(u, t, 5), 'invalid_input', 'options', 'must be an options object such as { method: "mean" }, got number');
  throwsPmkit(() => pmkit.retention(u, t, { period: 5 }), 'invalid_input', 'period');
  throwsPmkit(() => pmkit.activeUsers(u, t, { unit: {} }), 'invalid_input', 'unit');
  throwsPmkit(() => pmkit.activeUsers(u, t, { week: 5 }), 'invalid_input', 'week');
  throwsPmkit(() => pmkit.activeUsers(u, t, { utcOffsetMinutes: 1.5 }), 'invalid_input', 'utcOffsetMinutes');
  throwsPmkit(() => pmkit.eventFunnel(u, t, [1, 2, 1], [1, 2], { windowSeconds: 3600, order: {} }), 'invalid_input', 'order');
  throwsPmkit(() => pmkit.retention(u, t, { kind: 'after' }), 'parse', 'kind');
  throwsReason(() => pmkit.productFileFromJson(5), 'invalid_input', 'text', 'must be a string, got number');
  throwsReason(() => pmkit.parseStory('S-1', ['As a user']), 'invalid_input', 'text', 'must be a string, got array');
  throwsReason(() => pmkit.roleProfile(null), 'invalid_input', 'role', 'must be a string, got null');
  throwsReason(() => pmkit.kanoSummary(['like'], [5]), 'invalid_input', 'dysfunctional[0]', 'invalid type: integer `5`, expected a string');
  throwsPmkit(() => pmkit.newSprint('S-1', 'Sprint 1', '2026-03-02', '2026-03-13', { team: ['ann', 7] }), 'invalid_input', 'team[1]');
  // Omitted and null optional strings still mean the default.
  assert.equal(pmkit.retention(users, days, { period: null, kind: undefined, unit: 'days' }).options.period, 'week');
});

test('a non-array where numbers belong names the parameter', () => {
  throwsReason(() => pmkit.netPromoterScore(null), 'invalid_input', 'responses', 'must be an array or typed array of numbers, got null');
  throwsReason(() => pmkit.netPromoterScore(9), 'invalid_input', 'responses', 'must be an array or typed array of numbers, got number');
  throwsReason(() => pmkit.netPromoterScore({}), 'invalid_input', 'responses', 'must be an array or typed array of numbers, got object');
  throwsReason(() => pmkit.netPromoterScore([10, 'nine']), 'invalid_input', 'responses[1]', 'must be a number, got string');
  throwsReason(() => pmkit.netPromoterScore([10, 9n]), 'invalid_input', 'responses[1]', 'must be a number, got bigint');
  throwsReason(() => pmkit.netPromoterScore([10, null, 9]), 'invalid_input', 'responses[1]', 'must be a number, got null');
  throwsReason(() => pmkit.netPromoterScore([10, , 9]), 'invalid_input', 'responses[1]', 'must be a number, got undefined');
  throwsReason(() => pmkit.netPromoterScore([10, true]), 'invalid_input', 'responses[1]', 'must be a number, got boolean');
  // Array-likes and typed arrays still work, and NaN itself is the core's to name.
  throwsPmkit(() => pmkit.netPromoterScore({ length: 4, 0: 10, 1: 10, 2: 9, 3: 0 }), 'invalid_input', 'responses');
  assert.equal(pmkit.netPromoterScore(new Uint8Array([10, 10, 9, 0])).score, 50);
  throwsReason(() => pmkit.netPromoterScore([10, NaN]), 'invalid_input', 'responses[1]', 'NaN is not a finite number');
});

test('user ids as BigInt64Array or BigUint64Array work like numbers', () => {
  const plain = pmkit.retention(users, days, { unit: 'days' });
  const signed = pmkit.retention(new BigInt64Array(users.map(BigInt)), days, { unit: 'days' });
  const unsigned = pmkit.retention(new BigUint64Array(users.map(BigInt)), days, { unit: 'days' });
  assert.deepEqual(signed, plain);
  assert.deepEqual(unsigned, plain);
  assert.deepEqual(plain.counts, [[2, 0, 1], [1, 0, null], [0, null, null]]);
  // 2^53 is the largest id a number holds exactly; beyond it ids would collide.
  const big = new BigUint64Array([1n, 2n ** 53n, 2n ** 53n + 1n, 3n]);
  throwsReason(() => pmkit.activeUsers(big, days, { unit: 'days' }), 'out_of_range', 'userIds[2]',
    '9007199254740993 is beyond 2^53, the largest whole number a JavaScript number holds exactly');
  throwsReason(() => pmkit.activeUsers(new BigInt64Array([1n, -2n, 1n, 3n]), days, { unit: 'days' }), 'invalid_input', 'userIds[1]', '-2 is negative');
});

test('string user ids point to encodeIds', () => {
  const ids = ['ann', 'bob', 'ann', 'cy'];
  for (const call of [
    () => pmkit.activeUsers(ids, days, { unit: 'days' }),
    () => pmkit.retention(ids, days, { unit: 'days' }),
    () => pmkit.stickinessHistogram(ids, days, { unit: 'days' }),
  ]) {
    throwsReason(call, 'invalid_input', 'userIds[0]',
      'must be a number, got string (text ids: map them to numbers with encodeIds first)');
  }
  // The fix the message names.
  const { codes } = pmkit.encodeIds(ids);
  assert.deepEqual(pmkit.activeUsers(codes, days, { unit: 'days' }).dau.slice(0, 2), [1, 1]);
});
