// The pmkit package's types for `import` (Node's index.mjs, browser.mjs): the same as
// for `require`, plus init as the default export (`import init, { ... } from "pmkit"`).

export * from "./index.js";
import { init } from "./index.js";
export default init;
