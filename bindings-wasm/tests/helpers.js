// Shared assertions of the Node suites (not a test file itself: node --test runs *.test.js).
'use strict';

const assert = require('node:assert/strict');

/** A field path as JavaScript names it: the leading parameter in camelCase (`customers_lost[2]` → `customersLost[2]`). */
function jsField(field) {
  const camel = (name) => name.replace(/_([a-z0-9])/g, (_, letter) => letter.toUpperCase());
  const end = field.search(/[.[]/);
  return end < 0 ? camel(field) : camel(field.slice(0, end)) + field.slice(end);
}

/** `call` throws a PmkitError: a real Error with `kind`, `field`, and a message that starts with the field. */
function throwsPmkit(call, kind, field) {
  assert.throws(call, (err) => {
    assert.ok(err instanceof Error, 'a real Error, not a thrown string');
    assert.equal(err.name, 'PmkitError');
    assert.equal(err.kind, kind);
    assert.ok(err instanceof require('../pkg').PmkitError, 'instanceof PmkitError');
    assert.equal(err.field, field);
    assert.ok(err.message.startsWith(`${field}: `), err.message);
    assert.ok(typeof err.stack === 'string');
    return true;
  });
}

module.exports = { throwsPmkit, jsField };
