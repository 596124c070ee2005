// The pmkit package's entry point: every function of the wasm module, plus the
// PmkitError class their errors belong to (`err instanceof PmkitError`).
'use strict';

const native = require('./pmkit.js');

/**
 * Every pmkit function throws a PmkitError on bad input: an `Error` whose `name` is
 * "PmkitError", with `kind` ("invalid_input", "out_of_range", "undefined", "parse") and
 * `field` (the input at fault, as JavaScript names it).
 */
class PmkitError extends Error {
  constructor(message, kind, field) {
    super(message);
    this.name = 'PmkitError';
    this.kind = kind;
    this.field = field;
  }

  // The wasm module raises plain Errors named "PmkitError"; they are PmkitErrors too.
  static [Symbol.hasInstance](value) {
    return value instanceof Error && value.name === 'PmkitError'
      && typeof value.kind === 'string' && typeof value.field === 'string';
  }
}

module.exports = { ...native, PmkitError };
