// The dashboard page (bindings-wasm/www) driven in headless Chromium: load the sample,
// compare what the page shows with the core's numbers (the Node package), check every
// chart, a malformed file's message and a Jira CSV, and save screenshots, light and dark.
//
// Run by `make browser-test` (after `make www`, with /usr/bin/chromium and
// playwright-core in .tools). Any console error or uncaught exception fails the test.

import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const www = path.join(root, "bindings-wasm", "www");
const shots = path.join(root, "target", "pmkit-browser");

const pmkit = require(path.join(root, "bindings-wasm", "pkg"));
const { chromium } = require(path.join(root, ".tools", "node_modules", "playwright-core"));

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** A static server for `dir` on a free localhost port. */
function serve(dir) {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, "http://localhost");
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(dir, relative);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, {
      "content-type": MIME[path.extname(file)] || "application/octet-stream",
      "cache-control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** A page on `url` in `scheme`, recording console errors and uncaught exceptions. */
async function openPage(browser, url, scheme, width = 1280) {
  const context = await browser.newContext({
    colorScheme: scheme,
    viewport: { width, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, problems };
}

/** What the page must show for a KPI, formatted by hand from the sample snapshot. */
const SHOWN = {
  net_promoter_score: "35", // 10 promoters − 3 detractors, of 20
  churn_rate: "3%", // 24 / 800
  customer_retention_rate: "97%", // (840 − 64) / 800
  conversion_rate: "3%", // 360 / 12,000
  feature_adoption_rate: "25%", // 1,150 / 4,600
  stickiness: "30%", // 1,380 / 4,600
  time_to_market: "163 days", // 2 Feb → 15 Jul 2026
  team_velocity: "19 points/sprint", // (24 + 20 + 13) / 3, the last 3 sprints of the history
  backlog_completion_rate: "33.3%", // 3 done of 9 done or open stories
  return_on_investment: "20.4%", // √1.45 − 1, annualized over 2 years
};

const BROKEN = '{\n  "product": "Broken",\n  "sprint_history": [\n    {"sprint_id": "S-1", "completed_points": "ten", "completed_items": 3}\n  ]\n}\n';
const JIRA = "Issue key,Summary,Status,Story Points,Created,Resolved\n" +
  "APP-1,Sign in,Done,3,2026-01-05,2026-01-20\n" +
  "APP-2,Sign out,Won't Do,2,2026-01-06,2026-01-25\n" +
  "APP-3,Reset password,In Progress,5,2026-01-10,\n" +
  "APP-4,Profile page,To Do,,2026-02-01,\n";

let server;
let browser;
let base;

test.before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  assert.ok(fs.existsSync(path.join(www, "pkg", "pmkit.js")), "run `make www` first");
  server = await serve(www);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

test.after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

for (const scheme of ["light", "dark"]) {
  test(`the sample, in the ${scheme} theme: KPIs and charts as the core computes them`, { timeout: 120_000 }, async () => {
    const { context, page, problems } = await openPage(browser, base, scheme);
    const want = pmkit.productDashboard(pmkit.sampleProductFile(), { theme: scheme });

    // Keyboard: the first stop is the theme switch, the next "Load sample", and Enter loads it.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "theme");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.id), "load-sample");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#dashboard:not([hidden])");

    assert.equal(await page.textContent("#product-name"), "Checkout");
    assert.equal(await page.isHidden("#error"), true);

    // Every KPI of the scorecard, with the core's value, in its unit.
    const cards = await page.$$eval("#kpi-cards .card", (items) => items.map((item) => ({
      key: item.dataset.key,
      label: item.querySelector(".card-label").textContent,
      text: item.querySelector(".card-value").textContent,
      value: Number(item.querySelector(".card-value").dataset.value),
    })));
    assert.equal(cards.length, want.scorecard.readings.length);
    for (const [index, reading] of want.scorecard.readings.entries()) {
      assert.equal(cards[index].key, reading.metric);
      assert.equal(cards[index].label, reading.name);
      assert.equal(cards[index].value, reading.value, reading.metric);
    }
    for (const [metric, text] of Object.entries(SHOWN)) {
      const shown = cards.find((c) => c.key === metric);
      assert.ok(shown, `${metric} is shown`);
      assert.equal(shown.text, text, metric);
    }
    // KPIs with counts show their interval: a bar and the words, from the core's numbers.
    const intervals = Object.fromEntries(await page.$$eval("#kpi-cards .card", (items) =>
      items.map((item) => [item.dataset.key, item.querySelector(".card-interval .card-note")?.textContent ?? null])));
    for (const reading of want.scorecard.readings) {
      assert.equal(intervals[reading.metric] !== null, Boolean(reading.interval), reading.metric);
    }
    const churn = want.scorecard.readings.find((r) => r.metric === "churn_rate");
    assert.ok(churn.interval, "the sample has a churn interval");
    assert.match(intervals.churn_rate, /^95% interval [\d.]+% to [\d.]+% \(wilson\)$/);
    const mrr = cards.find((c) => c.key === "monthly_recurring_revenue");
    assert.equal(mrr.text, "$1,688/month"); // 49×4 + 99×4 + 199×3 + 499

    // Delivery numbers: the sprint, velocity, backlog, flow and forecast.
    const delivery = Object.fromEntries(await page.$$eval("#delivery-cards .card", (items) =>
      items.map((item) => [item.dataset.key, item.querySelector(".card-value").textContent])));
    assert.equal(delivery["sprint-committed"], "18 points");
    assert.equal(delivery["sprint-completed"], "13 points");
    assert.equal(delivery["say-do"], "55.6%"); // 10 / 18
    assert.equal(delivery.velocity, "19 points/sprint");
    assert.equal(delivery["backlog-open"], "6");
    assert.equal(delivery["backlog-completion"], "25%");
    assert.equal(delivery["cycle-time"], `${want.flow.cycle_time[1].value.toFixed(1)} days`);
    assert.equal(delivery.forecast, "2026-04-14"); // two weeks from 31 March, at 85 %

    // One figure per chart, its SVG titled as the core titles it.
    const figures = await page.$$eval("#chart-list figure", (items) => items.map((figure) => ({
      kind: figure.dataset.chart,
      svgs: figure.querySelectorAll("svg").length,
      title: figure.querySelector("svg > title")?.textContent,
      width: figure.querySelector("svg")?.getBoundingClientRect().width,
    })));
    assert.ok(want.charts.length >= 3, "burndown, burnup and velocity at least");
    assert.deepEqual(figures.map((f) => f.kind), want.charts.map((c) => c.kind));
    for (const [index, chart] of want.charts.entries()) {
      assert.equal(figures[index].svgs, 1, chart.kind);
      assert.equal(figures[index].title, chart.title, chart.kind);
      assert.ok(figures[index].width > 200, `${chart.kind} is drawn`);
    }

    await page.screenshot({ path: path.join(shots, `dashboard-${scheme}.png`), fullPage: true });
    await page.locator("#charts").screenshot({ path: path.join(shots, `charts-${scheme}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/**
 * Every piece of text the page shows that is hard to read: HTML text under 4.5:1 against
 * its background, chart text under 4.5:1 against what it is drawn on, or chart text
 * rendered smaller than 11 px (WCAG 2.1 AA contrast; the issue's legibility floor).
 */
function unreadable() {
  const rgb = (text) => {
    const match = /rgba?\(([^)]+)\)/.exec(text);
    if (match) {
      const [r, g, b, a = 1] = match[1].split(",").map(Number);
      return { r, g, b, a };
    }
    const hex = /^#([0-9a-f]{6})$/i.exec(text.trim());
    if (hex) {
      const n = parseInt(hex[1], 16);
      return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
    }
    return null;
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const htmlBackground = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color && color.a > 0) return color;
    }
    return rgb(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255 };
  };
  const problems = [];
  for (const element of document.querySelectorAll("body *:not(svg *)")) {
    const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || element.closest("[hidden]") || element.getClientRects().length === 0) continue;
    const color = rgb(getComputedStyle(element).color);
    const contrast = ratio(color, htmlBackground(element));
    if (contrast < 4.5) problems.push(`${contrast.toFixed(2)}:1 "${element.textContent.trim().slice(0, 40)}"`);
  }
  for (const text of document.querySelectorAll("svg text")) {
    if (text.closest("[hidden]") || !text.textContent.trim()) continue;
    const svg = text.ownerSVGElement;
    const size = parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
    const label = `"${text.textContent.trim().slice(0, 30)}" in ${svg.querySelector("title")?.textContent}`;
    if (size < 11) problems.push(`${size.toFixed(1)} px ${label}`);
    // What the text is drawn on: the last filled shape before it whose box holds its
    // centre (a dot a count is written in, a heatmap cell), else the chart's background.
    const box = text.getBoundingClientRect();
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    let under = svg.querySelector("rect");
    for (const shape of svg.querySelectorAll("rect, circle, ellipse, polygon, path")) {
      if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      const fill = rgb(getComputedStyle(shape).fill);
      const area = shape.getBoundingClientRect();
      if (fill && fill.a > 0 && cx >= area.left && cx <= area.right && cy >= area.top && cy <= area.bottom) {
        under = shape;
      }
    }
    const background = rgb(getComputedStyle(under).fill);
    const contrast = ratio(rgb(getComputedStyle(text).fill), background);
    if (contrast < 4.5) problems.push(`${contrast.toFixed(2)}:1 ${label}`);
  }
  return problems;
}

for (const scheme of ["light", "dark"]) {
  for (const width of [1280, 390]) {
    test(`readable at ${width} px in the ${scheme} theme: contrast 4.5:1 and chart text of 11 px`, { timeout: 120_000 }, async () => {
      const { context, page, problems } = await openPage(browser, base, scheme, width);
      await page.click("#load-sample");
      await page.waitForSelector("#dashboard:not([hidden])");
      assert.deepEqual(await page.evaluate(unreadable), []);
      // Nothing wider than the screen but scrollable chart boxes.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
        "the page scrolls sideways");
      await page.screenshot({ path: path.join(shots, `dashboard-${width}-${scheme}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("the theme switch overrides the system's theme, redraws the charts and is remembered", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openPage(browser, base, "light");
  await page.click("#load-sample");
  await page.waitForSelector("#dashboard:not([hidden])");
  const chartBackground = () => page.$eval("#chart-list svg > rect", (rect) => rect.getAttribute("fill"));
  const pageBackground = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await chartBackground(), "#ffffff");
  await page.selectOption("#theme", "dark");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  assert.equal(await chartBackground(), "#161b22");
  assert.equal(await pageBackground(), "rgb(13, 17, 23)");
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#theme"), "dark");
  await page.click("#load-sample");
  await page.waitForSelector("#dashboard:not([hidden])");
  assert.equal(await chartBackground(), "#161b22");
  await page.selectOption("#theme", "system");
  assert.equal(await page.getAttribute("html", "data-theme"), null);
  assert.equal(await chartBackground(), "#ffffff");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a malformed file: the message names the field and the reason", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openPage(browser, base, "light");
  await page.setInputFiles("#file-input", {
    name: "broken.json", mimeType: "application/json", buffer: Buffer.from(BROKEN),
  });
  await page.waitForSelector("#error:not([hidden])");
  const message = await page.textContent("#error");
  assert.match(message, /Could not load broken\.json/);
  assert.match(message, /sprint_history\[0\]\.completed_points: invalid type: string "ten", expected a number at line 4/);
  assert.equal(await page.getAttribute("#error", "data-field"), "sprint_history[0].completed_points");
  assert.equal(await page.isHidden("#dashboard"), true);
  assert.match(await page.textContent("#error .error-advice"), /The value of sprint_history\[0\]\.completed_points/);
  await page.screenshot({ path: path.join(shots, "error-light.png"), fullPage: true });

  // With a dashboard showing, a bad file leaves it in place and says so.
  await page.click("#load-sample");
  await page.waitForSelector("#dashboard:not([hidden])");
  await page.setInputFiles("#file-input", { name: "empty.json", mimeType: "application/json", buffer: Buffer.from("") });
  await page.waitForSelector("#error:not([hidden])");
  assert.match(await page.textContent("#error .error-advice"), /The file is empty/);
  assert.equal(await page.textContent("#error .error-keep"), "Still showing the sample product.");
  assert.equal(await page.isHidden("#dashboard"), false);
  assert.equal(await page.textContent("#product-name"), "Checkout");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a Jira CSV export: the backlog, nothing invented", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openPage(browser, base, "dark");
  const label = page.getByLabel("Open a product file (.json), a Jira export (.csv or REST .json) or a Linear CSV");
  await label.setInputFiles({ name: "jira.csv", mimeType: "text/csv", buffer: Buffer.from(JIRA) });
  await page.waitForSelector("body[data-loaded='jira.csv']");
  assert.equal(await page.textContent("#product-name"), "APP");
  assert.equal(await page.isHidden("#kpis"), true);
  assert.equal(await page.isHidden("#charts"), true);
  const want = pmkit.productDashboard(pmkit.productFileFromJiraCsv(JIRA)).backlog;
  const value = (key) => page.getAttribute(`#delivery-cards [data-key=${key}] .card-value`, "data-value");
  assert.equal(Number(await value("backlog-open")), 2); // APP-3, APP-4
  assert.equal(Number(await value("backlog-completion")), want.health.completion_rate);
  assert.equal(want.health.completion_rate, 1 / 3); // APP-1 done; APP-3, APP-4 open
  assert.match(await page.textContent("#absent"), /Not in this file: KPI inputs, current sprint/);
  // What the CSV lacks is said: no status history.
  assert.equal(await page.isHidden("#import"), false);
  assert.match(await page.textContent("#import-warnings"), /no status history/);
  await page.screenshot({ path: path.join(shots, "jira-dark.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

const UNMAPPED = "Issue key,Summary,Status,Story Points,Created,Resolved\n" +
  "OPS-1,Rotate keys,Shipped,3,12/janv./26 9:15 AM,20/janv./26 4:40 PM\n" +
  "OPS-2,Patch hosts,Parked,2,13/janv./26 10:00 AM,\n" +
  "OPS-3,Renew certificates,To Do,5,14/janv./26 11:30 AM,\n";

test("a Jira CSV with statuses pmkit does not know: mapped in the page, then read", { timeout: 60_000 }, async () => {
  const { context, page, problems } = await openPage(browser, base, "light");
  await page.setInputFiles("#file-input", { name: "ops.csv", mimeType: "text/csv", buffer: Buffer.from(UNMAPPED) });
  await page.waitForSelector("body[data-unmapped='ops.csv']");
  assert.equal(await page.isHidden("#dashboard"), true);
  assert.equal(await page.isHidden("#import"), false);
  const rows = await page.$$eval("#status-rows tr", (items) => items.map((row) => [row.dataset.status, row.className]));
  assert.deepEqual(rows, [["Shipped", "unmapped"], ["Parked", "unmapped"]]);
  assert.match(await page.textContent("#import-warnings"), /2 status\(es\) have no category: Shipped, Parked/);
  assert.deepEqual(await page.evaluate(unreadable), []);
  await page.screenshot({ path: path.join(shots, "statuses-unmapped-light.png"), fullPage: true });

  await page.getByLabel("Category of Shipped").selectOption("done");
  await page.getByLabel("Category of Parked").selectOption("cancelled");
  await page.click("#apply-statuses");
  await page.waitForSelector("body[data-loaded='ops.csv']");
  assert.equal(await page.textContent("#product-name"), "OPS");
  const want = pmkit.productDashboard(pmkit.trackerProductFile(UNMAPPED, { statuses: { Shipped: "done", Parked: "cancelled" } }).file).backlog;
  const value = (key) => page.getAttribute(`#delivery-cards [data-key=${key}] .card-value`, "data-value");
  assert.equal(Number(await value("backlog-open")), 1); // OPS-3; OPS-2 is cancelled
  assert.equal(want.totals.cancelled.stories, 1);
  const mapped = await page.$$eval("#status-rows tr", (items) => items.map((row) => [row.dataset.status, row.querySelector("select").value]));
  assert.deepEqual(mapped.slice(0, 2), [["Shipped", "done"], ["Parked", "cancelled"]]);
  assert.deepEqual(problems, []);
  await context.close();
});

/** A Jira Cloud search page with changelogs: "In Review" appears only in histories. */
const PAGE = JSON.stringify({
  startAt: 0, maxResults: 50, total: 3, names: { customfield_10016: "Story point estimate" },
  issues: [
    { key: "PAY-1", fields: { summary: "Save a card", issuetype: { name: "Story" }, customfield_10016: 3,
      status: { name: "Done", statusCategory: { key: "done" } }, created: "2026-03-02T09:00:00.000+0100" },
    changelog: { total: 2, maxResults: 100, histories: [
      { created: "2026-03-10T16:00:00.000+0100", items: [{ field: "status", fromString: "In Review", toString: "Done" }] },
      { created: "2026-03-03T10:00:00.000+0100", items: [{ field: "status", fromString: "To Do", toString: "In Review" }] }] } },
    { key: "PAY-2", fields: { summary: "Refunds", issuetype: { name: "Story" }, customfield_10016: 5,
      status: { name: "In Progress", statusCategory: { key: "indeterminate" } }, created: "2026-03-04T09:00:00.000+0100" },
    changelog: { total: 1, maxResults: 100, histories: [
      { created: "2026-03-12T09:00:00.000+0100", items: [{ field: "status", fromString: "To Do", toString: "In Progress" }] }] } },
    { key: "PAY-3", fields: { summary: "Wallets", issuetype: { name: "Story" },
      status: { name: "To Do", statusCategory: { key: "new" } }, created: "2026-03-05T09:00:00.000+0100" },
    changelog: { total: 140, maxResults: 100, histories: [] } },
  ],
});

for (const scheme of ["light", "dark"]) {
  test(`Jira REST pages in the ${scheme} theme: the notes, a status mapped, then the board`, { timeout: 60_000 }, async () => {
    const { context, page, problems } = await openPage(browser, base, scheme);
    await page.setInputFiles("#file-input", { name: "search.json", mimeType: "application/json", buffer: Buffer.from(PAGE) });
    await page.waitForSelector("body[data-loaded='search.json']");
    const notes = await page.textContent("#import-warnings");
    assert.match(notes, /PAY-3 changelog: the changelog holds 0 of 140 changes/);
    assert.match(notes, /In Review has no category/);
    // The backlog is shown; the board waits for In Review.
    assert.equal(await page.isHidden("#dashboard"), false);
    assert.equal(await page.$("#delivery-cards [data-key=cycle-time]"), null);
    const review = page.locator("#status-rows tr[data-status='In Review']");
    assert.equal(await review.getAttribute("class"), "unmapped");
    await page.getByLabel("Category of In Review").selectOption("in_progress");
    await page.click("#apply-statuses");
    await page.waitForSelector("#delivery-cards [data-key=cycle-time]");
    const file = pmkit.trackerProductFile(PAGE, { statuses: { "In Review": "in_progress", "To Do": "to_do", "In Progress": "in_progress", Done: "done" } }).file;
    const want = pmkit.productDashboard(file, { theme: scheme });
    assert.equal(want.flow.cycle_time[1].value, 7); // 3 → 10 March
    assert.equal(Number(await page.getAttribute("#delivery-cards [data-key=cycle-time] .card-value", "data-value")), 7);
    const kinds = await page.$$eval("#chart-list figure", (items) => items.map((figure) => figure.dataset.chart));
    assert.deepEqual(kinds, want.charts.map((chart) => chart.kind));
    assert.ok(kinds.includes("cumulative_flow"), kinds.join());
    assert.deepEqual(await page.evaluate(unreadable), []);
    await page.screenshot({ path: path.join(shots, `jira-json-${scheme}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
