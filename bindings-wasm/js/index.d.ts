// The pmkit package's types: wasm-bindgen's declarations (pmkit.d.ts, which holds the
// ones generated from the API description) and the PmkitError class.

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
