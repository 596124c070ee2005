// The npm package as users install it: `npm pack` bindings-wasm/pkg, install the tarball
// into fresh projects (copies of fixtures/ in a temporary folder) and use it there:
// CommonJS, ES modules, TypeScript --strict, a Node bundle made by esbuild, and one page
// built by Vite, webpack, esbuild and Rollup, served by Vite's dev server and with no
// bundler, each opened in headless Chromium (each also runs pmkit in a module worker).
//
// Run by `make package-test` (after `make wasm`, with tsc, vite, webpack, esbuild,
// rollup and playwright-core in .tools and /usr/bin/chromium).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { serve } from "./serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const pkgDir = path.join(root, "bindings-wasm", "pkg");
const tools = path.join(root, ".tools", "node_modules");
const require = createRequire(import.meta.url);
const { chromium } = require(path.join(tools, "playwright-core"));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pmkit-package-test-"));
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;

/** Runs `command` in `cwd`, failing the test with its output if it fails. */
function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: "pipe" });
  } catch (err) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed:\n${err.stdout}\n${err.stderr}`);
  }
}

let tarball;

/** A fresh project: a copy of fixtures/`fixture` with the packed tarball installed. */
function project(fixture, name = fixture) {
  const dir = path.join(scratch, name);
  fs.cpSync(path.join(here, "fixtures", fixture), dir, { recursive: true });
  run("npm", ["install", "--no-audit", "--no-fund", "--silent", tarball], dir);
  return dir;
}

test.before(() => {
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", scratch, pkgDir], root));
  tarball = path.join(scratch, packed[0].filename);
});

test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test("the tarball holds the entries, one wasm, README and licences, nothing else", () => {
  const listing = run("tar", ["-tzf", tarball], root).trim().split("\n").map((file) => file.replace(/^package\//, ""));
  assert.deepEqual(listing.sort(), [
    "LICENSE-APACHE", "LICENSE-MIT", "README.md", "browser.mjs", "index.d.mts", "index.d.ts", "index.js",
    "index.mjs", "package.json", "pmkit.d.ts", "pmkit.js", "pmkit_bg.wasm", "pmkit_web.mjs",
  ]);
  // The version is the Cargo crate's.
  const metadata = JSON.parse(run("cargo", ["metadata", "--no-deps", "--format-version", "1"], root));
  assert.equal(version, metadata.packages.find((crate) => crate.name === "pmkit-wasm").version);
});

test("CommonJS: require('pmkit')", () => {
  const dir = project("cjs");
  assert.match(run("node", ["check.cjs", version], dir), /cjs ok/);
});

test("ES modules: import from 'pmkit'", () => {
  const dir = project("esm");
  assert.match(run("node", ["check.mjs"], dir), /esm ok/);
});

test("TypeScript --strict: both entries type-check, and wrong calls do not", () => {
  const dir = project("ts");
  run(path.join(tools, ".bin", "tsc"), ["-p", "tsconfig.json"], dir);
});

/** What the page showed after `data-ready`, with every console error and failed request. */
async function openPage(browser, url, expectedSvg) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]", { timeout: 20000 }).catch(() => {});
  const shown = await page.evaluate(() => ({
    ready: document.body.dataset.ready === "true",
    nps: document.querySelector("#nps").textContent,
    early: document.querySelector("#early").textContent,
    error: document.querySelector("#error").textContent,
    worker: document.querySelector("#worker").textContent,
    chart: document.querySelector("#chart").innerHTML,
    svgWidth: document.querySelector("#chart svg")?.getBoundingClientRect().width ?? 0,
  }));
  // Node's SVG as this browser serialises it, to compare like with like.
  shown.expectedChart = await page.evaluate((svg) => {
    const box = document.createElement("div");
    box.innerHTML = svg;
    return box.innerHTML;
  }, expectedSvg);
  await page.close();
  return { shown, problems };
}

/** The page must show what the package computes in Node, and a drawn chart. */
function assertShown({ shown, problems }) {
  assert.deepEqual(problems, []);
  assert.ok(shown.ready, "the page never finished");
  assert.equal(Number(shown.nps), (100 * (2 - 1)) / 3);
  assert.match(shown.early, /^pmkit is not loaded yet: `await init\(\)`/);
  assert.equal(shown.error, "responses[1]");
  assert.equal(Number(shown.worker), (100 * (2 - 1)) / 3);
  assert.match(shown.chart, /^<svg[\s\S]*Sprint burndown/);
  assert.equal(shown.chart, shown.expectedChart);
  assert.ok(shown.svgWidth > 100, `the chart is ${shown.svgWidth} px wide`);
}

/** The page's index.html beside a bundler's output, and the files it must copy. */
function finishBuild(dir, dist, copies = []) {
  fs.copyFileSync(path.join(dir, "index.html"), path.join(dist, "index.html"));
  for (const file of copies) fs.copyFileSync(path.join(dir, file), path.join(dist, path.basename(file)));
  return dist;
}

/** The same page built by webpack 5 (which emits the wasm and the worker itself). */
async function webpackBuild() {
  const dir = project("vite", "webpack");
  const webpack = require(path.join(tools, "webpack"));
  const dist = path.join(dir, "dist");
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: "production",
      context: dir,
      entry: "./main.js",
      output: { path: dist, filename: "main.js" },
      performance: { hints: false },
    }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  const emitted = fs.readdirSync(dist);
  assert.ok(emitted.some((file) => file.endsWith(".wasm")), `webpack emitted no wasm: ${emitted.join(", ")}`);
  return finishBuild(dir, dist);
}

/** The page built by esbuild, which leaves `new URL(…, import.meta.url)` alone: the
 * worker is a second entry point and the wasm is copied beside the bundle (as the
 * package README says). */
function esbuildBuild() {
  const dir = project("vite", "esbuild");
  const esbuild = require(path.join(tools, "esbuild"));
  const dist = path.join(dir, "dist");
  esbuild.buildSync({
    absWorkingDir: dir, entryPoints: ["main.js", "worker.js"], bundle: true, format: "esm",
    outdir: dist, logLevel: "error",
  });
  return finishBuild(dir, dist, ["node_modules/pmkit/pmkit_bg.wasm"]);
}

/** The page built by Rollup with @rollup/plugin-node-resolve (browser entry), the worker
 * a second input and the wasm copied beside the bundle, as for esbuild. */
async function rollupBuild() {
  const dir = project("vite", "rollup");
  const { rollup } = require(path.join(tools, "rollup"));
  const { nodeResolve } = require(path.join(tools, "@rollup", "plugin-node-resolve"));
  const dist = path.join(dir, "dist");
  const bundle = await rollup({
    input: [path.join(dir, "main.js"), path.join(dir, "worker.js")],
    plugins: [nodeResolve({ browser: true, rootDir: dir })],
    onwarn(warning) { throw new Error(`rollup: ${warning.message}`); },
  });
  await bundle.write({ dir: dist, format: "es", entryFileNames: "[name].js" });
  await bundle.close();
  return finishBuild(dir, dist, ["node_modules/pmkit/pmkit_bg.wasm"]);
}

test("bundled for Node by esbuild: the wasm copied beside the bundle", () => {
  const dir = project("cjs", "esbuild-node");
  fs.writeFileSync(path.join(dir, "app.cjs"), `const pmkit = require("pmkit");
if (pmkit.netPromoterScore([10, 9, 0]).score !== 100 / 3) throw new Error("wrong NPS");
try { pmkit.netPromoterScore([10, 11]); throw new Error("no error"); } catch (err) {
  if (!(err instanceof pmkit.PmkitError) || err.field !== "responses[1]") throw err;
}
console.log("bundled ok");
`);
  const esbuild = require(path.join(tools, "esbuild"));
  const dist = path.join(dir, "dist");
  esbuild.buildSync({
    absWorkingDir: dir, entryPoints: ["app.cjs"], bundle: true, platform: "node",
    outfile: path.join(dist, "app.cjs"), logLevel: "error",
  });
  fs.copyFileSync(path.join(dir, "node_modules", "pmkit", "pmkit_bg.wasm"), path.join(dist, "pmkit_bg.wasm"));
  // Run from dist with node_modules gone: the bundle must hold everything but the wasm.
  fs.rmSync(path.join(dir, "node_modules"), { recursive: true });
  assert.match(run("node", ["app.cjs"], dist), /bundled ok/);
});

test("in Chromium: Vite, webpack, esbuild and Rollup builds, and a page with no bundler", async (t) => {
  const vite = project("vite");
  run(path.join(tools, ".bin", "vite"), ["build", "--logLevel", "warn"], vite);
  const assets = fs.readdirSync(path.join(vite, "dist", "assets"));
  assert.ok(assets.some((file) => file.endsWith(".wasm")), `Vite emitted no wasm: ${assets.join(", ")}`);
  const bundled = [
    ["webpack", await webpackBuild()],
    ["esbuild", esbuildBuild()],
    ["rollup", await rollupBuild()],
  ];

  // The same page, importing the browser entry from node_modules by its path.
  const plain = project("vite", "browser");
  for (const file of ["main.js", "worker.js"]) {
    const script = path.join(plain, file);
    fs.writeFileSync(script, fs.readFileSync(script, "utf8").replace('from "pmkit"', 'from "./node_modules/pmkit/browser.mjs"'));
  }

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const pmkit = require(pkgDir);
  const burndownSvg = pmkit.burndownChart(pmkit.sprintReport(pmkit.sampleSprint())).svg;
  const servers = [];
  try {
    for (const [name, dir] of [["vite", path.join(vite, "dist")], ...bundled, ["no bundler", plain]]) {
      await t.test(name, async () => {
        const server = await serve(dir);
        servers.push(server);
        const url = `http://127.0.0.1:${server.address().port}/index.html`;
        assertShown(await openPage(browser, url, burndownSvg));
      });
    }
    // Vite's dev server, configured as the package README says (pmkit kept out of
    // dependency pre-bundling, so the glue's URL of the wasm stays valid).
    await t.test("vite dev server", async () => {
      const { createServer } = await import(pathToFileURL(path.join(tools, "vite", "dist", "node", "index.js")).href);
      const dev = await createServer({
        root: vite, configFile: false, logLevel: "error",
        optimizeDeps: { exclude: ["pmkit"] },
        server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false },
      });
      await dev.listen();
      try {
        const url = `http://127.0.0.1:${dev.httpServer.address().port}/index.html`;
        assertShown(await openPage(browser, url, burndownSvg));
      } finally {
        await dev.close();
      }
    });
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
});
