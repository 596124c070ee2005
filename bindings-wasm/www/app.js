// The pmkit dashboard page: load a product file, ask pmkit for its dashboard, show it.
// Plain ES module, no framework: every number and chart comes from the wasm core.

import init, {
  sampleProductFile,
  productFileFromJson,
  trackerProductFile,
  productDashboard,
} from "./pkg/pmkit.js";

const $ = (id) => document.getElementById(id);
const darkScheme = window.matchMedia("(prefers-color-scheme: dark)");

/** What is shown now: the product file and where it came from, to redraw on a theme
 * change or a resize. A file that fails to load leaves it as it was. */
let current = null;

// ---- the theme: the user's choice (kept in localStorage), else the system's ----------

const THEME_KEY = "pmkit-dashboard-theme";

function storedTheme() {
  try {
    return localStorage.getItem(THEME_KEY) ?? "system";
  } catch {
    return "system"; // storage blocked (a sandboxed frame): the system's preference
  }
}

function applyTheme(choice) {
  if (choice === "light" || choice === "dark") document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
  $("theme").value = ["light", "dark"].includes(choice) ? choice : "system";
}

/** The theme in effect: the chosen one, or the system's preference. */
function effectiveTheme() {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return darkScheme.matches ? "dark" : "light";
}

// ---- formatting ------------------------------------------------------------------

const number = (value, digits = 1) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits });
const percent = (fraction) =>
  fraction.toLocaleString("en-US", { style: "percent", maximumFractionDigits: 1 });
const plural = (count, word) => `${number(count)} ${word}${count === 1 ? "" : "s"}`;

function money(value, currency) {
  try {
    return value.toLocaleString("en-US", {
      style: "currency",
      currency: currency || "USD",
      maximumFractionDigits: Math.abs(value) >= 1000 ? 0 : 2,
    });
  } catch {
    // Not an ISO 4217 code: show it after the number.
    return `${number(value, 2)} ${currency}`;
  }
}

/** A KPI's value in its unit, as [number, unit]: rates as percents, money in the snapshot's currency. */
function formatReading(reading, currency) {
  const v = reading.value;
  switch (reading.unit) {
    case "fraction": return [percent(v)];
    case "score": return [number(v)];
    case "money": return [money(v, currency)];
    case "money_per_month": return [money(v, currency), "/month"];
    case "money_per_user": return [money(v, currency), "/user"];
    case "days": return [number(v), v === 1 ? "day" : "days"];
    case "defects_per_kloc": return [number(v, 2), "defects/KLOC"];
    case "points": return [number(v), "points"];
    case "points_per_sprint": return [number(v), "points/sprint"];
    default: return [number(v, 2)];
  }
}

// ---- the page --------------------------------------------------------------------

/** What to do about an error, in plain words; the core's own message follows it. */
function advice(err) {
  const message = err && err.message ? err.message : String(err);
  if (/EOF while parsing a value at line 1 column 0|is empty/.test(message)) {
    return "The file is empty. Choose a product file (.json), a Jira export (.csv or REST .json) or a Linear CSV.";
  }
  if (err && err.kind === "parse" && /JSON|expected value|key must be a string/.test(message)) {
    return "This is not a valid product file: the JSON below is broken where it says. " +
      "Fix it there (or export the file again) and load it once more.";
  }
  if (err && err.field) {
    return `The value of ${err.field} is not what pmkit expects (see below). ` +
      "Correct it in the file and load it again.";
  }
  return "pmkit could not read this file (see below).";
}

function showError(source, err) {
  const box = $("error");
  box.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = `Could not load ${source}.`;
  const what = document.createElement("p");
  what.className = "error-advice";
  what.textContent = advice(err);
  const message = document.createElement("p");
  message.className = "error-message";
  // A PmkitError's message starts with the field at fault, then the reason.
  message.textContent = err && err.message ? err.message : String(err);
  box.append(title, what, message);
  if (current) {
    const keep = document.createElement("p");
    keep.className = "error-keep";
    keep.textContent = `Still showing ${current.source}.`;
    box.append(keep);
  }
  if (err && err.field) box.dataset.field = err.field;
  else delete box.dataset.field;
  box.hidden = false;
  $("dashboard").hidden = current === null;
  $("status").textContent = "";
  // The box sits above the dashboard, which may be scrolled far below it.
  box.scrollIntoView({ block: "nearest" });
}

function clearError() {
  $("error").hidden = true;
  $("error").replaceChildren();
}

/**
 * A card: label, headline value and an optional note. `text` is the headline, or
 * [number, unit] with the unit set smaller; `data-value` keeps the raw number.
 */
function card(key, label, text, value, note) {
  const item = document.createElement("li");
  item.className = "card";
  item.dataset.key = key;
  const name = document.createElement("span");
  name.className = "card-label";
  name.textContent = label;
  const headline = document.createElement("span");
  headline.className = "card-value";
  const [main, unit] = Array.isArray(text) ? text : [text];
  headline.textContent = main;
  if (unit) {
    const small = document.createElement("span");
    small.className = "card-unit";
    // "/month" sticks to the amount; words get a space.
    small.textContent = unit.startsWith("/") ? unit : ` ${unit}`;
    headline.append(small);
  }
  if (value !== undefined && value !== null) headline.dataset.value = String(value);
  item.append(name, headline);
  if (note) {
    const small = document.createElement("span");
    small.className = "card-note";
    small.textContent = note;
    item.append(small);
  }
  return item;
}

/**
 * A KPI's confidence interval: a bar over the metric's whole scale (0–100 % for a share,
 * −100 to 100 for an NPS) with the interval shaded and the value marked, and the
 * interval in words, which is what screen readers get.
 */
function intervalBar(reading) {
  const { low, high, level, method } = reading.interval;
  const score = reading.unit === "score";
  const [min, max] = score ? [-100, 100] : [0, 1];
  const at = (value) => `${(((value - min) / (max - min)) * 100).toFixed(2)}%`;
  const show = (value) => (score ? number(value) : percent(value));
  const box = document.createElement("div");
  box.className = "card-interval";
  const bar = document.createElement("span");
  bar.className = "interval-bar";
  bar.setAttribute("aria-hidden", "true");
  const range = document.createElement("span");
  range.className = "interval-range";
  range.style.left = at(low);
  range.style.width = `calc(${at(high)} - ${at(low)})`;
  const mark = document.createElement("span");
  mark.className = "interval-value";
  mark.style.left = at(reading.value);
  bar.append(range, mark);
  const words = document.createElement("span");
  words.className = "card-note";
  words.textContent = `${number(level * 100, 0)}% interval ${show(low)} to ${show(high)} (${method})`;
  box.append(bar, words);
  return box;
}

function renderKpis(scorecard) {
  const list = $("kpi-cards");
  list.replaceChildren();
  $("kpis").hidden = !scorecard || scorecard.readings.length === 0;
  if (!scorecard) return;
  for (const reading of scorecard.readings) {
    const item = card(reading.metric, reading.name, formatReading(reading, scorecard.currency),
      reading.value, reading.note);
    if (reading.interval) item.append(intervalBar(reading));
    if (reading.formula) {
      // A disclosure, not a tooltip: reachable by keyboard and read by screen readers.
      const formula = document.createElement("details");
      formula.className = "card-formula";
      const summary = document.createElement("summary");
      summary.textContent = "Formula";
      const text = document.createElement("p");
      text.textContent = reading.formula;
      formula.append(summary, text);
      item.append(formula);
    }
    list.append(item);
  }
}

function renderDelivery(board) {
  const cards = [];
  const { sprint, velocity, backlog, flow, forecast, roadmap } = board;
  if (sprint) {
    cards.push(card("sprint-committed", `Committed — ${sprint.sprint_id}`,
      [number(sprint.committed.points), "points"], sprint.committed.points,
      plural(sprint.committed.items, "item")));
    cards.push(card("sprint-completed", `Completed — ${sprint.sprint_id}`,
      [number(sprint.completed.points), "points"], sprint.completed.points,
      `${plural(sprint.completed.items, "item")}; ${plural(sprint.carry_over.length, "item")} carried over`));
    if (sprint.say_do_ratio !== null) {
      cards.push(card("say-do", "Say/do ratio", percent(sprint.say_do_ratio), sprint.say_do_ratio,
        "committed work done, at start estimates"));
    }
  }
  if (velocity) {
    const p = velocity.points;
    cards.push(card("velocity", "Velocity", [number(p.mean), "points/sprint"], p.mean,
      `mean of ${velocity.sprint_ids.join(", ")}; range ${number(p.min)}–${number(p.max)}`));
  }
  if (backlog) {
    const t = backlog.totals;
    const open = t.to_do.stories + t.in_progress.stories;
    cards.push(card("backlog-open", "Open stories", number(open), open,
      `${number(t.to_do.points + t.in_progress.points)} points; ${number(t.done.stories)} done, ${number(t.cancelled.stories)} cancelled`));
    const h = backlog.health;
    if (h && h.completion_rate !== null) {
      // Not the KPI "backlog completion rate" (done of planned): the share of the
      // stories open or finished in the last 30 days that were finished.
      cards.push(card("backlog-completion", "Done in the last 30 days", percent(h.completion_rate),
        h.completion_rate, `${h.completed_in_period} of ${h.completed_in_period + h.open} stories, to ${h.today}`));
    }
    if (h && h.ready_share !== null) {
      cards.push(card("backlog-ready", "Ready stories", percent(h.ready_share), h.ready_share,
        h.blocked.length ? `blocked: ${h.blocked.join(", ")}` : "none blocked"));
    }
  }
  if (flow && flow.cycle_time.length) {
    const [p50, p85, p95] = flow.cycle_time;
    cards.push(card("cycle-time", "Cycle time (85th percentile)", [number(p85.value), p85.value === 1 ? "day" : "days"],
      p85.value, `50%: ${number(p50.value)} days; 95%: ${number(p95.value)} days`));
  }
  if (flow) {
    const weeks = flow.throughput.values;
    const mean = weeks.length ? weeks.reduce((a, b) => a + b, 0) / weeks.length : 0;
    cards.push(card("throughput", "Throughput", [number(mean), "items/week"], mean,
      `${flow.finished} finished in ${plural(weeks.length, "week")}; ${flow.in_progress} in progress`));
  }
  if (forecast) {
    const p85 = forecast.when.percentiles.find((p) => p.level === 0.85);
    const p50 = forecast.when.percentiles.find((p) => p.level === 0.5);
    if (p85) {
      const what = forecast.scope === "backlog" ? "open stories" : "unfinished items";
      cards.push(card("forecast", "Done by (85% likely)", p85.date, p85.periods,
        `${number(forecast.remaining)} ${what} from ${forecast.start}; 50%: ${p50 ? p50.date : "—"}`));
    }
  }
  if (roadmap) {
    const epics = roadmap.levels.find((level) => level.level === "epic");
    if (epics && epics.progress.points_fraction !== null) {
      const p = epics.progress;
      cards.push(card("roadmap", "Roadmap epics done", percent(p.points_fraction), p.points_fraction,
        `${number(p.done_points)} of ${number(p.total_points)} points; ${p.done_items} of ${p.total_items} stories`));
    }
  }
  $("delivery-cards").replaceChildren(...cards);
  $("delivery").hidden = cards.length === 0;
}

function renderCharts(charts) {
  const figures = charts.map((chart) => {
    const figure = document.createElement("figure");
    figure.className = "chart";
    figure.dataset.chart = chart.kind;
    // The SVG comes from pmkit (escaped, no scripts); its <title> and <desc> name it.
    figure.innerHTML = chart.svg;
    const caption = document.createElement("figcaption");
    caption.textContent = chart.description;
    figure.append(caption);
    return figure;
  });
  $("chart-list").replaceChildren(...figures);
  $("charts").hidden = figures.length === 0;
}

const SECTION_NAMES = {
  snapshot: "KPI inputs", sprint: "current sprint", sprint_history: "past sprints",
  flow: "board history", roadmap: "roadmap", backlog: "backlog",
};

/** The width to draw charts at: one chart box of the grid (two columns from 1,056 px of
 * list, as style.css lays them out), less its padding and border; at least 240 px, the
 * narrowest chart the core draws (a narrower box scrolls). */
function chartWidth() {
  const list = $("chart-list").clientWidth || $("dashboard").clientWidth || 720;
  const gap = 16;
  const columns = list >= 2 * 520 + gap ? 2 : 1;
  const box = (list - (columns - 1) * gap) / columns;
  return Math.max(240, Math.min(4000, Math.floor(box - 2 * 8 - 2)));
}

function render() {
  const { file, source } = current;
  // Shown before it is measured: a hidden list has no width.
  $("dashboard").hidden = false;
  $("charts").hidden = false;
  const width = chartWidth();
  const board = productDashboard(file, { theme: effectiveTheme(), width, height: width < 480 ? 300 : 400 });
  current.width = width;
  $("product-name").textContent = board.product;
  $("product-meta").textContent =
    `From ${source}` + (board.today ? `, as of ${board.today}` : "") + ".";
  renderKpis(board.scorecard);
  renderDelivery(board);
  renderCharts(board.charts);
  const absent = Object.keys(SECTION_NAMES).filter((key) => file[key] == null);
  $("absent").textContent = absent.length
    ? `Not in this file: ${absent.map((key) => SECTION_NAMES[key]).join(", ")}.`
    : "";
  $("dashboard").hidden = false;
  $("status").textContent = `Showing ${source}.`;
  document.body.dataset.loaded = source;
}

/** Reads a product file and shows it; an error is shown in #error, and the dashboard
 * that was showing stays (never a blank page). The import notes stay only for the
 * tracker export they describe. */
function show(source, read, imported = null) {
  clearError();
  if (!imported) {
    tracker = null;
    $("import").hidden = true;
  }
  const before = current;
  try {
    current = { file: read(), source };
    render();
  } catch (err) {
    current = before;
    if (current) render();
    showError(source, err);
  }
}

/** A CSV by extension, or by content: a JSON file starts with "{" or "[". */
function looksLikeCsv(name, text) {
  if (/\.csv$/i.test(name)) return true;
  if (/\.json$/i.test(name)) return false;
  return !/^[{[]/.test(text.replace(/^\uFEFF/, "").trimStart());
}

/** Jira REST search pages (an object with "issues", or a list), not a product file.
 * Text that is not JSON is read as a product file, whose reader says where it breaks. */
function looksLikeJiraPages(text) {
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) || (value !== null && typeof value === "object" && "issues" in value);
  } catch {
    return false;
  }
}

// ---- tracker exports: what the import says, and the status mapping -------------------

/** The tracker export shown: its name, text, the statuses the user mapped, and what
 * pmkit read from it. */
let tracker = null;

const CATEGORIES = [["to_do", "To do"], ["in_progress", "In progress"], ["done", "Done"], ["cancelled", "Cancelled"]];
const FORMATS = { jira_csv: "a Jira CSV export", jira_json: "Jira REST pages", linear_csv: "a Linear CSV export" };

function renderImport() {
  const { source, read } = tracker;
  const list = $("import-warnings");
  list.replaceChildren(...read.warnings.map((warning) => {
    const item = document.createElement("li");
    const field = document.createElement("span");
    field.className = "warning-field";
    field.textContent = (warning.item ? `${warning.item} ` : "") + warning.field;
    item.append(field, `: ${warning.reason}`);
    return item;
  }));
  const unmapped = read.statuses.filter((status) => status.category == null).length;
  $("import-summary").textContent = `${source} is ${FORMATS[read.format]}: ` +
    `${plural(read.warnings.length, "note")}, ${read.statuses.length} status${read.statuses.length === 1 ? "" : "es"}` +
    (unmapped ? `, ${unmapped} without a category.` : ".");
  $("status-rows").replaceChildren(...read.statuses.map((status, index) => {
    const row = document.createElement("tr");
    row.dataset.status = status.name;
    if (status.category == null) row.className = "unmapped";
    const name = document.createElement("td");
    name.textContent = status.name;
    const choice = document.createElement("td");
    const select = document.createElement("select");
    select.id = `status-${index}`;
    select.setAttribute("aria-label", `Category of ${status.name}`);
    if (status.category == null) select.append(new Option("Choose…", "", true, true));
    for (const [value, label] of CATEGORIES) {
      select.append(new Option(label, value, false, value === status.category));
    }
    choice.append(select);
    const by = document.createElement("td");
    by.textContent = status.category == null ? "nothing yet" : status.given ? "mapping" : "the export";
    row.append(name, choice, by);
    return row;
  }));
  $("import").hidden = false;
}

/** Reads a tracker export with the statuses mapped so far and shows what it says; the
 * dashboard follows once every status has a category. */
function showTracker(source, text, statuses) {
  clearError();
  let read;
  try {
    read = trackerProductFile(text, { statuses });
  } catch (err) {
    showError(source, err);
    return;
  }
  tracker = { source, text, statuses, read };
  renderImport();
  if (read.file) {
    delete document.body.dataset.unmapped;
    show(source, () => read.file, tracker);
  } else {
    $("status").textContent = `Map the statuses of ${source} below to read it.`;
    document.body.dataset.unmapped = source;
    $("import").scrollIntoView({ block: "nearest" });
  }
}

function applyStatuses(event) {
  event.preventDefault();
  if (!tracker) return;
  const statuses = { ...tracker.statuses };
  for (const row of $("status-rows").querySelectorAll("tr")) {
    const value = row.querySelector("select").value;
    if (value) statuses[row.dataset.status] = value;
  }
  showTracker(tracker.source, tracker.text, statuses);
}

async function openFile(file) {
  if (!file) return;
  let text;
  try {
    text = await file.text();
  } catch (err) {
    showError(file.name, err);
    return;
  }
  if (looksLikeCsv(file.name, text) || looksLikeJiraPages(text)) showTracker(file.name, text, {});
  else show(file.name, () => productFileFromJson(text));
}

function wire() {
  $("load-sample").addEventListener("click", () => show("the sample product", sampleProductFile));
  $("status-map").addEventListener("submit", applyStatuses);
  $("file-input").addEventListener("change", (event) => {
    openFile(event.target.files[0]);
    // Choosing the same file again reloads it.
    event.target.value = "";
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    openFile(event.dataTransfer.files[0]);
  });
  darkScheme.addEventListener("change", () => {
    if (current) render();
  });
  applyTheme(storedTheme());
  $("theme").addEventListener("change", (event) => {
    const choice = event.target.value;
    try {
      if (choice === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, choice);
    } catch {
      // storage blocked: the choice lasts for this page
    }
    applyTheme(choice);
    if (current) render();
  });
  // Charts are redrawn for a new box width (a rotated phone, a resized window).
  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (current && chartWidth() !== current.width) render();
    }, 150);
  });
}

try {
  await init();
  wire();
  $("load-sample").disabled = false;
  $("file-input").disabled = false;
  $("status").textContent = "Ready: load the sample or open a file.";
  document.body.dataset.ready = "true";
} catch (err) {
  showError("pmkit (the WebAssembly module; build it with `make www`)", err);
}
