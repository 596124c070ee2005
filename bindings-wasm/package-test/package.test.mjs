// The npm package as users install it: `npm pack` bindings-wasm/pkg, install the tarball
// into fresh projects (copies of fixtures/ in a temporary folder) and use it there:
// CommonJS, ES modules, TypeScript --strict, a Vite production build and a page with no
// bundler, both opened in headless Chromium (each also runs pmkit in a module worker).
//
// Run by `make package-test` (after `make wasm`, with tsc, vite and playwright-core in
// .tools and /usr/bin/chromium).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
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

test("in Chromium: a Vite production build, and a page with no bundler", async (t) => {
  const vite = project("vite");
  run(path.join(tools, ".bin", "vite"), ["build", "--logLevel", "warn"], vite);
  const assets = fs.readdirSync(path.join(vite, "dist", "assets"));
  assert.ok(assets.some((file) => file.endsWith(".wasm")), `Vite emitted no wasm: ${assets.join(", ")}`);

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
    for (const [name, dir] of [["vite", path.join(vite, "dist")], ["no bundler", plain]]) {
      await t.test(name, async () => {
        const server = await serve(dir);
        servers.push(server);
        const url = `http://127.0.0.1:${server.address().port}/index.html`;
        assertShown(await openPage(browser, url, burndownSvg));
      });
    }
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
});
