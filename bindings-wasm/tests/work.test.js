// The backlog (pmkit::work) from JavaScript: what the vectors cannot express (Date
// objects, omitted optional arguments, error objects, immutability, JSON round trips).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../pkg');

/** Asserts `fn` throws a PmkitError of `kind` naming `field`. */
const { throwsPmkit } = require('./helpers');

test('published examples: RICE, WSJF, Kano', () => {
  // Intercom's scales (McBride, 2016): 500 × 2 × 0.8 / 2.
  const rice = pmkit.riceScore(500, 2, 0.8, 2);
  assert.deepEqual(rice, {
    framework: 'rice',
    variant: 'intercom',
    inputs: { reach: 500, impact: 2, confidence: 0.8, effort: 2 },
    score: 400,
  });
  // SAFe: CoD = 1 + 3 + 5 = 9, over job size 3.
  assert.equal(pmkit.wsjfScore(1, 3, 5, 3, { variant: 'modified_fibonacci' }).score, 3);
  // Berger et al. 1993: better = (A+O)/(A+O+M+I), worse = −(O+M)/(A+O+M+I).
  const kano = pmkit.kanoSummary(['like', 'like', 'neutral', 'like'], ['dislike', 'neutral', 'dislike', 'neutral']);
  assert.equal(kano.better, 3 / 4);
  assert.equal(kano.worse, -2 / 4);
  assert.equal(kano.category, 'attractive');
});

test('optional arguments can be omitted', () => {
  assert.equal(pmkit.iceScore(8, 5, 5).variant, 'product');
  assert.equal(pmkit.estimateScale().name, 'modified_fibonacci');
  assert.deepEqual(pmkit.investFindings({ id: 'S', title: 'Save my card', estimate: 3 }).map((f) => f.rule), [
    'missing_benefit',
    'missing_acceptance_criteria',
  ]);
  assert.equal(pmkit.isReady({ id: 'S', title: 's', estimate: 3 }, ['unestimated']), true);
  assert.equal(pmkit.estimatePoints(pmkit.estimateScale(), '?'), null);
});

test('errors are PmkitError objects naming the field', () => {
  throwsPmkit(() => pmkit.riceScore(500, 4, 0.8, 2), 'out_of_range', 'impact');
  throwsPmkit(() => pmkit.parseStory('X', 'Pay with a saved card'), 'parse', 'text');
  throwsPmkit(() => pmkit.rankBacklog({ stories: 3 }, 'rice'), 'invalid_input', 'backlog.stories');
  throwsPmkit(() => pmkit.backlogHealth(pmkit.sampleBacklog(), new Date(NaN)), 'invalid_input', 'today');
});

test('a NaN inside an object is an error, not a missing value', () => {
  // JSON has no NaN: read through JSON values, `estimate: NaN` would pass as unestimated.
  const story = { id: 'A', title: 'a', estimate: parseFloat('') };
  throwsPmkit(() => pmkit.newBacklog([story]), 'invalid_input', 'stories[0].estimate');
  assert.match(
    (() => { try { pmkit.newBacklog([{ ...story, estimate: -Infinity }]); } catch (err) { return err.message; } })(),
    /stories\[0\]\.estimate: is -Infinity; a number here must be finite/,
  );
  assert.equal(pmkit.newBacklog([{ ...story, estimate: 3 }]).stories[0].estimate, 3);
  assert.equal(pmkit.newBacklog([{ ...story, estimate: null }]).stories[0].estimate, null);
});

test('stories round trip through Connextra', () => {
  const story = pmkit.parseStory('PAY-1', 'As an admin, I want to export users so that I can audit them');
  assert.equal(story.persona, 'admin');
  assert.equal(pmkit.toConnextra(story), 'As an admin, I want to export users, so that I can audit them.');
});

test('backlog functions return new objects and leave their argument alone', () => {
  const backlog = pmkit.newBacklog([{ id: 'A', title: 'a' }, { id: 'B', title: 'b' }]);
  const moved = pmkit.moveStory(backlog, 'B', 1);
  assert.deepEqual(moved.stories.map((s) => s.id), ['B', 'A']);
  assert.deepEqual(backlog.stories.map((s) => s.id), ['A', 'B']);
  const grown = pmkit.insertStory(moved, { id: 'C', title: 'c' });
  assert.deepEqual(grown.stories.map((s) => s.id), ['B', 'A', 'C']);
  assert.deepEqual(pmkit.removeStory(grown, 'A').stories.map((s) => s.id), ['B', 'C']);
});

test('health takes a Date (its UTC day) or an ISO string', () => {
  const backlog = pmkit.sampleBacklog();
  const byDate = pmkit.backlogHealth(backlog, new Date('2026-03-31'));
  assert.deepEqual(byDate, pmkit.backlogHealth(backlog, '2026-03-31', { periodDays: 30 }));
  assert.equal(byDate.completion_rate, 2 / 8);
  assert.deepEqual(byDate.blocked, ['PAY-105']);
});

test('cancelled is never counted as done', () => {
  const totals = pmkit.pointTotals(pmkit.sampleBacklog());
  assert.equal(totals.done.points, 13);
  assert.deepEqual(totals.cancelled, { stories: 1, points: 8, unestimated: 0 });
});

test('JSON round trip: the same text as Rust and Python, and JSON.parse gives the backlog back', () => {
  const backlog = pmkit.sampleBacklog();
  const text = pmkit.backlogToJson(backlog);
  assert.deepEqual(pmkit.backlogFromJson(text), backlog);
  assert.deepEqual(JSON.parse(text), backlog);
  assert.equal(pmkit.backlogToJson(JSON.parse(JSON.stringify(backlog))), text);
});

test('rank the sample backlog', () => {
  const ranking = pmkit.rankBacklog(pmkit.sampleBacklog(), 'wsjf');
  assert.deepEqual(ranking.map((r) => r.id), ['PAY-101', 'PAY-102', 'PAY-104', 'PAY-103', 'PAY-105', 'PAY-106']);
  assert.equal(ranking[0].score.score, 19 / 5);
});

test('Jira import is all or nothing, naming the line', () => {
  const csv = 'Issue key,Summary,Status\nA,"a, b",Done\nB,b,Shipped\n';
  throwsPmkit(() => pmkit.importJiraCsv(csv, { Done: 'done' }), 'parse', 'line 3');
  const imported = pmkit.importJiraCsv('Issue key,Summary,Status\nA,"a, b",Done\n', { Done: 'done' });
  assert.equal(imported.backlog.stories[0].title, 'a, b');
});

test('Jira CSV: both story-point fields, a declared date format, warnings', () => {
  const csv = 'Issue key,Summary,Status,Custom field (Story Points),Custom field (Story point estimate),Created\n'
    + 'A,a,Done,3,,12.03.2024 10:15\nB,b,Done,,5,13.03.2024 09:00\nC,c,Done,2,8,13.03.2024 09:00\n';
  const imported = pmkit.importJiraCsv(csv, { Done: 'done' }, { dateFormat: '%d.%m.%Y %H:%M' });
  assert.deepEqual(imported.backlog.stories.map((s) => s.estimate), [3, 5, 2]);
  assert.equal(imported.items[0].created, '2024-03-12T10:15:00');
  const disagreement = imported.warnings.find((w) => w.item === 'C');
  assert.match(disagreement.reason, /kept 2/);
  throwsPmkit(() => pmkit.importJiraCsv(csv, { Done: 'done' }, { dateFormat: 42 }), 'invalid_input', 'dateFormat');
});

test('Jira REST pages: objects, text, one page; hostile pages are errors', () => {
  const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'vectors', 'tracker.json'), 'utf8'));
  const pages = vectors.cases.find((c) => c.function === 'import_jira_json').args.pages;
  const imported = pmkit.importJiraJson(pages);
  assert.deepEqual(pmkit.importJiraJson(JSON.stringify(pages)), imported);
  assert.deepEqual(imported.items.map((item) => item.key), ['PAY-2', 'PAY-3', 'PAY-4', 'PAY-8']);
  const timelines = pmkit.itemTimelines(imported.items, {
    columns: [
      { name: 'Backlog', statuses: ['To Do'] },
      { name: 'Doing', statuses: ['In Progress', 'In Review'] },
      { name: 'Done', statuses: ['Done', "Won't Do"] },
    ],
    backlog: 'Backlog', committed: 'Doing', done: 'Done',
  }, '2024-03-31');
  assert.deepEqual(pmkit.durations(timelines), [9]);
  let deep = {};
  for (let i = 0; i < 1000; i += 1) deep = { issues: [deep] };
  assert.throws(() => pmkit.importJiraJson(deep), (err) => err.name === 'PmkitError');
  const cyclic = {};
  cyclic.issues = [cyclic];
  assert.throws(() => pmkit.importJiraJson(cyclic), (err) => err.name === 'PmkitError');
  assert.throws(() => pmkit.importJiraJson('['.repeat(100000)), (err) => err.name === 'PmkitError');
  throwsPmkit(() => pmkit.importJiraJson({ issues: [{ fields: {} }] }), 'invalid_input', 'pages.issues[0]');
});
