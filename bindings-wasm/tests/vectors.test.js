// Runs every case in vectors/*.json through the JavaScript API (the cross-language contract).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../pkg');

const vectorsDir = path.join(__dirname, '..', '..', 'vectors');

/** snake_case → camelCase, the naming rule between Rust and JavaScript. */
function camel(name) {
  return name.replace(/_([a-z0-9])/g, (_, letter) => letter.toUpperCase());
}

/** The API description (api/api.json): each function's positional parameters and options. */
const described = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'api', 'api.json'), 'utf8')).functions;

/**
 * A field path as JavaScript names it: a leading parameter or option in camelCase; a
 * path inside JSON text (`sprint_history[0].points` of a product file) as the core names it.
 */
function jsField(field, api) {
  const end = field.search(/[.[]/);
  const head = end < 0 ? field : field.slice(0, end);
  const named = api.params.includes(head) || Object.hasOwn(api.options ?? {}, head);
  return named ? camel(head) + field.slice(head.length) : field;
}

/**
 * A case's arguments as JavaScript passes them: a described function takes its
 * positional parameters, then one options object with camelCase keys (null = default);
 * the others take every argument positionally, in the order the case lists them.
 */
function callArgs(name, args) {
  const api = described[name];
  if (!api) return Object.values(args).map((value) => (value === null ? undefined : value));
  const positional = api.params.map((param) => (args[param] === null ? undefined : args[param]));
  if (api.options) {
    const options = {};
    for (const [key, value] of Object.entries(args)) {
      if (!api.params.includes(key) && value !== null) options[camel(key)] = value;
    }
    positional.push(options);
  }
  return positional;
}

/** Recursive equality with a relative float tolerance of 1e-9. */
function assertMatches(actual, expected, where) {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${where}: ${actual} is not a number`);
    const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
    assert.ok(Math.abs(actual - expected) <= tolerance, `${where}: ${actual} !== ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: not an array`);
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((value, index) => assertMatches(actual[index], value, `${where}[${index}]`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${where}: not an object`);
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const key of Object.keys(expected)) assertMatches(actual[key], expected[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

/** A chart case's argument: {call: f, args: {...}} is the result of pmkit's f (called as `callArgs` says). */
function resolve(value) {
  if (value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value).sort().join() === 'args,call') {
    const args = Object.fromEntries(Object.entries(value.args)
      .map(([name, arg]) => [name, arg === null ? null : resolve(arg)]));
    return pmkit[camel(value.call)](...callArgs(value.call, args));
  }
  return value;
}

/** `expected` with a golden file path in `svg` replaced by the file's exact text. */
function withGoldenSvg(expected) {
  if (expected && typeof expected.svg === 'string' && expected.svg.endsWith('.svg')) {
    return { ...expected, svg: fs.readFileSync(path.join(vectorsDir, expected.svg), 'utf8') };
  }
  return expected;
}

const files = fs.readdirSync(vectorsDir).filter((name) => name.endsWith('.json')).sort();
let count = 0;
for (const file of files) {
  const { cases } = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8'));
  for (const testCase of cases) {
    count += 1;
    test(`${file}: ${testCase.name}`, () => {
      const fn = pmkit[camel(testCase.function)];
      assert.equal(typeof fn, 'function', `pmkit.${camel(testCase.function)} is missing`);
      // Arguments are positional in JavaScript, in the order the case lists them;
      // null means "use the default", like an omitted argument.
      // A chart case builds its models by calls (resolved first).
      const args = callArgs(testCase.function, Object.fromEntries(Object.entries(testCase.args)
        .map(([name, arg]) => [name, arg === null ? null : resolve(arg)])));
      if (testCase.error) {
        assert.throws(() => fn(...args), (err) => {
          assert.ok(err instanceof Error, 'not an Error');
          assert.equal(err.name, 'PmkitError');
          assert.equal(err.kind, testCase.error.kind);
          assert.ok(err instanceof pmkit.PmkitError, 'instanceof PmkitError');
          // A described function names its parameters in camelCase; the others as the core does.
          const api = described[testCase.function];
          const field = api ? jsField(testCase.error.field, api) : testCase.error.field;
          assert.equal(err.field, field);
          assert.ok(err.message.startsWith(`${err.field}: `), err.message);
          return true;
        });
      } else {
        assertMatches(fn(...args), withGoldenSvg(testCase.expected), 'result');
      }
    });
  }
}

test('there are vectors', () => assert.ok(count > 0));
