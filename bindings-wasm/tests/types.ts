// Compiled with `tsc --noEmit --strict` by `make ts-check`: the generated typings must
// describe the real API precisely enough for typed code to use it without casts.
import {
  netPromoterScore,
  churnRate,
  kpiScorecard,
  sampleSnapshot,
  type NpsResult,
  type Scorecard,
  type PmkitError,
} from "../pkg";

const nps: NpsResult = netPromoterScore(new Uint8Array([10, 9, 8, 3]));
const score: number = nps.score;
const churn: number = churnRate(200, 10);
const card: Scorecard = kpiScorecard(sampleSnapshot());
const firstValue: number | undefined = card.readings[0]?.value;

try {
  netPromoterScore([11]);
} catch (caught) {
  const err = caught as PmkitError;
  const kind: "invalid_input" | "out_of_range" | "undefined" | "parse" = err.kind;
  console.log(kind, err.field);
}

console.log(score, churn, firstValue);

// ---- chart: options objects are optional and partial; kinds and themes are unions.
import {
  burndownChart,
  velocityChart,
  sprintReport,
  sampleSprint,
  sampleSprintHistory,
  roadmapChart,
  sampleRoadmap,
  type Chart,
  type ChartKind,
  type ChartOptions,
  type Theme,
} from "../pkg";

const chartReport = sprintReport(sampleSprint(), undefined);
const chartOptions: ChartOptions = { width: 800, theme: "dark" };
const burndownSvg: Chart = burndownChart(chartReport, chartOptions);
const chartKind: ChartKind = burndownSvg.kind;
const chartSize: number = burndownChart(chartReport).width + burndownSvg.height;
const chartTheme: Theme = "light";
const velocitySvg: string = velocityChart(sampleSprintHistory(), { theme: chartTheme, height: null }).svg;
// @ts-expect-error: "pie" is not a ChartKind
const notAKind: ChartKind = "pie";
// @ts-expect-error: "sepia" is not a Theme
burndownChart(chartReport, { theme: "sepia" });

const roadmapKind: ChartKind = roadmapChart(sampleRoadmap(), new Date(), null).kind;

console.log(chartKind, chartSize, velocitySvg.length, notAKind, roadmapKind);

// ---- dashboard ----
import {
  productDashboard,
  productFileFromJson,
  productFileFromJiraCsv,
  sampleProductFile,
  type Dashboard,
  type ProductFile,
} from "../pkg";

const productFile: ProductFile = sampleProductFile();
const board: Dashboard = productDashboard(productFile, { today: new Date(), theme: "dark", width: 640 });
const boardFromText: Dashboard = productDashboard(JSON.stringify(productFile));
const firstChart: Chart | undefined = board.charts[0];
const openStories: number | undefined = board.backlog?.totals.to_do.stories;
const p85: string | null | undefined = board.forecast?.when.percentiles[2]?.date;
const jiraFile: ProductFile = productFileFromJiraCsv("Issue key,Summary,Status\nA-1,a,Done\n");
const reread: ProductFile = productFileFromJson(JSON.stringify(jiraFile));
// @ts-expect-error: "sepia" is not a Theme
productDashboard(productFile, { theme: "sepia" });

console.log(boardFromText.product, firstChart?.kind, openStories, p85, reread.product);

// ---- analytics: user ids may be 64-bit integer columns; a string id is a type error.
import { activeUsers, type ActiveUsers, type UserIds } from "../pkg";

const bigIds: UserIds = new BigUint64Array([1n, 2n]);
const fromBigInts: ActiveUsers = activeUsers(new BigInt64Array([1n, 2n]), new Float64Array([19002, 19003]), { unit: "days" });
const fromNumbers: ActiveUsers = activeUsers([1, 2], [19002, 19003], { unit: "D", week: "week_sunday", utcOffsetMinutes: null });
// @ts-expect-error: text ids go through encodeIds first
activeUsers(["ann", "bob"], [19002, 19003], { unit: "days" });
// @ts-expect-error: options come in one object, not positionally
activeUsers([1, 2], [19002, 19003], "days");

console.log(bigIds.length, fromBigInts.dau, fromNumbers.mau);
