// Shared assertions of the Node suites (not a test file itself: node --test runs *.test.js).
'use strict';

const assert = require('node:assert/strict');

/** `call` throws a PmkitError: a real Error with `kind`, `field`, and a message that starts with the field. */
function throwsPmkit(call, kind, field) {
  assert.throws(call, (err) => {
    assert.ok(err instanceof Error, 'a real Error, not a thrown string');
    assert.equal(err.name, 'PmkitError');
    assert.equal(err.kind, kind);
    assert.equal(err.field, field);
    assert.ok(err.message.startsWith(`${field}: `), err.message);
    assert.ok(typeof err.stack === 'string');
    return true;
  });
}

module.exports = { throwsPmkit };
