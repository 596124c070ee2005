// The pmkit package's entry point in Node (`require('pmkit')`; index.mjs gives the same
// exports to `import`): every function of the wasm module, plus the PmkitError class
// their errors belong to (`err instanceof PmkitError`) and init().
'use strict';

// wasm-bindgen's Node glue reads and instantiates pmkit_bg.wasm synchronously, here.
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

/**
 * Loads the wasm module. Node has loaded it already (synchronously, on `require`), so
 * this resolves at once; it exists so that code shared with browsers, which must
 * `await init()` before any other call (browser.mjs), runs unchanged in Node.
 */
async function init() {}

module.exports = { ...native, PmkitError, init };
