// Properties a careful person states about pmkit, checked on generated inputs with
// fast-check (the twin of bindings-python/tests/test_properties.py): percentiles are
// monotone and within [min, max]; NPS is within [-100, 100] and the hand formula;
// throughput adds up to the finished items; the cumulative flow's done band never goes
// down and a cancelled item never counts as WIP; any hostile value gives a PmkitError.
// Fixed seeds, a few hundred runs each: deterministic and fast.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fc = require('fast-check');
const pmkit = require('../pkg');

const RUNS = { seed: 20261204, numRuns: 200 };

test('percentiles are monotone and lie within the sample', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
      (values, levels) => {
        levels.sort((a, b) => a - b);
        const got = pmkit.percentiles(values, { levels }).map((p) => p.value);
        const [low, high] = [Math.min(...values), Math.max(...values)];
        assert.ok(got.every((v) => Number.isFinite(v) && low <= v && v <= high), `${values} ${levels} ${got}`);
        assert.ok(got.every((v, i) => i === 0 || got[i - 1] <= v), `${got}`);
      },
    ),
    RUNS,
  );
});

test('NPS is the hand formula and within its scale', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (responses) => {
      const { score } = pmkit.netPromoterScore(responses);
      const promoters = responses.filter((r) => r >= 9).length;
      const detractors = responses.filter((r) => r <= 6).length;
      assert.ok(score >= -100 && score <= 100);
      assert.ok(Math.abs(score - (100 * (promoters - detractors)) / responses.length) < 1e-9);
    }),
    RUNS,
  );
});

// ---- flow: generated status histories on the sample board, with cancelled work ----

const STATUSES = ['To Do', 'In Progress', 'Review', 'Done', "Won't Do"];
const WORKFLOW = { ...pmkit.sampleWorkflow(), cancelled: ["Won't Do"] };
const TODAY = '2026-05-01';
const HOUR = 3600 * 1000;
const START = Date.UTC(2026, 2, 1, 9);
const iso = (ms) => new Date(ms).toISOString().slice(0, 19);

// One item: created in March, up to six moves a few days apart; a finished item is not
// cancelled straight from done (it would leave the done band: see docs/flow.md).
const history = (key) =>
  fc
    .record({
      createdDay: fc.integer({ min: 0, max: 20 }),
      type: fc.constantFrom('story', 'bug'),
      points: fc.constantFrom(0, 1, 2, 3, 5, 8),
      moves: fc.array(
        fc.record({ to: fc.integer({ min: 0, max: 4 }), days: fc.integer({ min: 0, max: 3 }), hours: fc.integer({ min: 0, max: 5 }) }),
        { maxLength: 6 },
      ),
    })
    .map(({ createdDay, type, points, moves }) => {
      let at = START + createdDay * 24 * HOUR;
      const created = iso(at);
      let status = 'To Do';
      const transitions = [];
      for (const move of moves) {
        const choices = STATUSES.filter((s) => s !== status && !(status === 'Done' && s === "Won't Do"));
        const to = choices[move.to % choices.length];
        at += (move.days * 24 + move.hours) * HOUR;
        transitions.push({ at: iso(at), from: status, to });
        status = to;
      }
      return { key: `P-${key}`, item_type: type, points, created, transitions };
    });

const itemsArb = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => history(k))));

test('throughput adds up to the finished items, cancelled work to the cancelled ones', () => {
  fc.assert(
    fc.property(itemsArb, fc.constantFrom('day', 'week', 'week_monday'), (items, period) => {
      const timelines = pmkit.itemTimelines(items, WORKFLOW, TODAY);
      const finished = timelines.items.filter((i) => i.cycle_time != null);
      assert.ok(finished.every((i) => i.cancelled_on == null));
      const sum = (values) => values.reduce((a, b) => a + b, 0);
      assert.equal(sum(pmkit.throughput(timelines, { period }).values), finished.length);
      const points = pmkit.throughput(timelines, { period, measure: 'points' }).values;
      assert.ok(Math.abs(sum(points) - sum(finished.map((i) => i.points))) < 1e-9);
      const cancelled = timelines.items.filter((i) => i.cancelled_on != null);
      assert.equal(sum(pmkit.cancelledWork(timelines, { period }).values), cancelled.length);
    }),
    RUNS,
  );
});

test('the cumulative flow is nested, its done band never goes down, its last WIP is the ageing list', () => {
  fc.assert(
    fc.property(itemsArb, (items) => {
      const timelines = pmkit.itemTimelines(items, WORKFLOW, TODAY);
      const cfd = pmkit.cumulativeFlow(timelines);
      const done = cfd.counts[3];
      assert.ok(done.every((v, i) => i === 0 || done[i - 1] <= v), `${done}`);
      for (let c = 1; c < cfd.counts.length; c += 1) {
        assert.ok(cfd.counts[c].every((v, d) => v <= cfd.counts[c - 1][d]));
      }
      const daily = pmkit.wip(timelines).values;
      const open = pmkit.ageingWip(timelines);
      const cancelledKeys = new Set(timelines.items.filter((i) => i.cancelled_on != null).map((i) => i.key));
      assert.ok(open.every((i) => !cancelledKeys.has(i.key)));
      if (daily.length > 0) {
        assert.equal(daily[daily.length - 1], open.length);
        assert.equal(cfd.cancelled[cfd.cancelled.length - 1], cancelledKeys.size);
      }
    }),
    RUNS,
  );
});

// ---- hostile values ----

const hostile = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(null, undefined, true, false, NaN, Infinity, -Infinity, -0, 2 ** 64, Number.MAX_VALUE, 5e-324),
    fc.double(),
    fc.integer(),
    fc.bigInt(),
    fc.string({ maxLength: 20 }),
    fc.constant(new Uint8Array([1, 2])),
    fc.constant(Symbol('s')),
    fc.constant(() => 1),
    fc.constant(new Date(NaN)),
  ),
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('tree'), { maxKeys: 4 })),
})).tree;

const sampleTimelines = pmkit.itemTimelines(pmkit.sampleItems().slice(0, 10), pmkit.sampleWorkflow(), pmkit.sampleToday());
const CALLS = {
  netPromoterScore: (x) => pmkit.netPromoterScore(x),
  percentiles: (x) => pmkit.percentiles(x),
  percentilesLevels: (x) => pmkit.percentiles([1, 2], { levels: x }),
  histogram: (x) => pmkit.histogram(x),
  itemTimelinesItems: (x) => pmkit.itemTimelines(x, WORKFLOW, TODAY),
  itemTimelinesOneItem: (x) => pmkit.itemTimelines([x], WORKFLOW, TODAY),
  itemTimelinesWorkflow: (x) => pmkit.itemTimelines([], x, TODAY),
  itemTimelinesToday: (x) => pmkit.itemTimelines([], WORKFLOW, x),
  itemTimelinesOptions: (x) => pmkit.itemTimelines([], WORKFLOW, TODAY, x),
  itemTimelinesUnmapped: (x) => pmkit.itemTimelines([], WORKFLOW, TODAY, { unmapped: x }),
  throughput: (x) => pmkit.throughput(x),
  throughputPeriod: (x) => pmkit.throughput(sampleTimelines, { period: x }),
  cumulativeFlow: (x) => pmkit.cumulativeFlow(x),
  cancelledWork: (x) => pmkit.cancelledWork(x),
  backlogFromJson: (x) => pmkit.backlogFromJson(x),
  roadmapFromJson: (x) => pmkit.roadmapFromJson(x),
  sprintReport: (x) => pmkit.sprintReport(x),
  riceScore: (x) => pmkit.riceScore(x, 1, 1, 1),
};

test('any hostile value gives a PmkitError, and the next call still works', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(CALLS)), hostile, (call, value) => {
      try {
        CALLS[call](value);
      } catch (err) {
        assert.equal(err.name, 'PmkitError', `${call}: ${err && err.stack}`);
        assert.ok(err instanceof pmkit.PmkitError);
      }
      assert.equal(pmkit.netPromoterScore([10, 9, 0]).score, 100 / 3);
    }),
    { seed: 20261204, numRuns: 400 },
  );
});
