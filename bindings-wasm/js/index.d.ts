// The pmkit package's types: wasm-bindgen's declarations (pmkit.d.ts, which holds the
// ones generated from the API description), the PmkitError class and init(). The same
// for every entry point (index.d.mts adds init as the default export for `import`).

export * from "./pmkit";

/** The machine-readable kind of a PmkitError. */
export type PmkitErrorKind = "invalid_input" | "out_of_range" | "undefined" | "parse";

/**
 * Every pmkit function throws this on bad input: an `Error` whose `name` is
 * "PmkitError", with `kind` and `field` (`err instanceof PmkitError` holds).
 */
export declare class PmkitError extends Error {
  constructor(message: string, kind: PmkitErrorKind, field: string);
  name: "PmkitError";
  /** Which kind of problem: a malformed value, a value out of range, an undefined metric, or unparsable text. */
  kind: PmkitErrorKind;
  /** The input at fault, as JavaScript names it (`customersLost`, `stories[0].estimate`). */
  field: string;
}

/**
 * What init() accepts: where to fetch pmkit_bg.wasm from (a string or a `URL`), a
 * `Request` or `Response`, the wasm's bytes (`ArrayBuffer`, `Uint8Array`) or a compiled
 * `WebAssembly.Module`. Spelled without the DOM library's names, so that projects
 * without it (Node only) type-check too.
 */
export type InitInput = string | object;

/**
 * Loads the wasm module; safe to call more than once (later calls return the first
 * load). In browsers and bundlers, `await init()` once before calling anything else:
 * by default it fetches `pmkit_bg.wasm` from beside the package's JavaScript, which
 * bundlers copy into the build. In Node the module is loaded on import and this
 * resolves at once.
 */
export declare function init(input?: InitInput | Promise<InitInput>): Promise<void>;
