// The product manager's KPIs in JavaScript: optional arguments, option strings, errors,
// typed arrays and the funnel result object. The numbers themselves are checked by the
// shared vectors (vectors.test.js); these tests cover what the vectors cannot express.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const pmkit = require('../pkg');

/** Asserts that `call` throws a PmkitError of `kind` naming `field`. */
const { throwsPmkit } = require('./helpers');

test('every product manager metric is exported under its camelCase name', () => {
  for (const name of [
    'netPromoterScore', 'customerSatisfactionScore', 'returnOnInvestment', 'productRevenue',
    'monthlyRecurringRevenue', 'averageRevenuePerUser', 'customerLifetimeValue', 'marketShare',
    'forecastAttainment', 'conversionRate', 'funnelConversion', 'featureAdoptionRate',
    'stickiness', 'churnRate', 'customerRetentionRate',
  ]) {
    assert.equal(typeof pmkit[name], 'function', name);
  }
});

test('csat: optional scale, threshold and method', () => {
  const answers = [5, 4, 3, 2, 1, 5];
  assert.equal(pmkit.customerSatisfactionScore(answers), 0.5);
  assert.equal(pmkit.customerSatisfactionScore(answers, { satisfiedMin: 5 }), 2 / 6);
  assert.equal(pmkit.customerSatisfactionScore(answers, { method: 'mean' }), 20 / 6);
  assert.equal(pmkit.customerSatisfactionScore(new Uint8Array([10, 9, 8, 1]), { scaleMax: 10, satisfiedMin: 9 }), 0.5);
  throwsPmkit(() => pmkit.customerSatisfactionScore([5], { method: 'median' }), 'parse', 'method');
  throwsPmkit(() => pmkit.customerSatisfactionScore([5], { scaleMax: 5.5 }), 'invalid_input', 'scaleMax');
});

test('roi: years is optional', () => {
  assert.ok(Math.abs(pmkit.returnOnInvestment(1200, 1000) - 0.2) < 1e-12);
  assert.ok(Math.abs(pmkit.returnOnInvestment(2000, 1000, { years: 5 }) - (2 ** 0.2 - 1)) < 1e-12);
  throwsPmkit(() => pmkit.returnOnInvestment(100, 0), 'undefined', 'cost');
  throwsPmkit(() => pmkit.returnOnInvestment(1e308, 1e-308), 'out_of_range', 'cost');
  throwsPmkit(() => pmkit.returnOnInvestment(NaN, 1), 'invalid_input', 'gain');
});

test('churn: new customers and method are optional', () => {
  assert.equal(pmkit.churnRate(200, 10), 0.05);
  assert.equal(pmkit.churnRate(200, 10, { newCustomers: 0, method: 'start' }), 0.05);
  assert.equal(pmkit.churnRate(1000, 50, { newCustomers: 200, method: 'average' }), 50 / 1075);
  assert.equal(pmkit.churnRate(1000, 50, { method: 'serviced' }), 0.05);
  throwsPmkit(() => pmkit.churnRate(10, 1, { method: 'monthly' }), 'parse', 'method');
  throwsPmkit(() => pmkit.churnRate(10, 1, { newCustomers: -1 }), 'invalid_input', 'newCustomers');
});

test('clv: margin is optional', () => {
  assert.equal(pmkit.customerLifetimeValue(300, 5, 2), 3000);
  assert.ok(Math.abs(pmkit.customerLifetimeValue(300, 5, 2, { margin: 0.4 }) - 1200) < 1e-9);
  throwsPmkit(() => pmkit.customerLifetimeValue(300, 5, 2, { margin: 40 }), 'out_of_range', 'margin');
});

test('revenue columns accept typed arrays', () => {
  assert.equal(pmkit.productRevenue(new Float64Array([49, 1500]), new Float32Array([120, 3])), 10380);
  assert.equal(pmkit.productRevenue([], []), 0);
  assert.equal(pmkit.monthlyRecurringRevenue(new Float64Array(100).fill(50)), 5000);
  throwsPmkit(() => pmkit.productRevenue([1, 2], [1]), 'invalid_input', 'quantities');
  throwsPmkit(() => pmkit.monthlyRecurringRevenue([10, Infinity]), 'invalid_input', 'monthlyFees[1]');
});

test('funnel result is a plain object in the JSON form', () => {
  const funnel = pmkit.funnelConversion(new Uint32Array([1000, 200, 50, 10]));
  assert.deepEqual(funnel, {
    step_rates: [0.2, 0.25, 0.2],
    cumulative_rates: [1, 0.2, 0.05, 0.01],
    drop_off: [800, 150, 40],
    overall: 0.01,
  });
  assert.deepEqual(pmkit.funnelConversion([10, 0, 0]).step_rates, [0, null]);
  assert.deepEqual(JSON.parse(JSON.stringify(funnel)), funnel);
  throwsPmkit(() => pmkit.funnelConversion([100, 50, 60]), 'out_of_range', 'steps[2]');
  throwsPmkit(() => pmkit.funnelConversion([100]), 'undefined', 'steps');
});

test('ratios of counts reject fractional counts and parts above their whole', () => {
  throwsPmkit(() => pmkit.featureAdoptionRate(1.5, 10), 'invalid_input', 'featureUsers');
  throwsPmkit(() => pmkit.featureAdoptionRate(11, 10), 'out_of_range', 'featureUsers');
  throwsPmkit(() => pmkit.averageRevenuePerUser(100, 0), 'undefined', 'customers');
  throwsPmkit(() => pmkit.customerRetentionRate(100, 120, 10), 'out_of_range', 'customersAtEnd');
  throwsPmkit(() => pmkit.stickiness(11, 10), 'out_of_range', 'dau');
  throwsPmkit(() => pmkit.marketShare(101, 100), 'out_of_range', 'productRevenue');
  throwsPmkit(() => pmkit.forecastAttainment(1, 0), 'undefined', 'forecast');
});

test('the typings declare the funnel result and the option strings', () => {
  const dts = require('node:fs').readFileSync(require.resolve('../pkg/pmkit.d.ts'), 'utf8');
  assert.match(dts, /export interface FunnelConversion/);
  assert.match(dts, /export type ChurnMethod = "start" \| "average" \| "serviced"/);
  assert.match(dts, /export type CsatMethod = "share" \| "mean"/);
  assert.match(dts, /export function funnelConversion\(steps: Numbers\): FunnelConversion/);
  assert.match(dts, /export function churnRate\(customersAtStart: number \| bigint, customersLost: number \| bigint, options\?: ChurnRateOptions \| null\): number/);
  assert.match(dts, /export interface CustomerSatisfactionScoreOptions \{[^}]*method\?: CsatMethod \| null;/);
  // Each function is declared once (wasm-bindgen's own declarations are skipped).
  assert.equal(dts.match(/export function churnRate\(/g).length, 1);
  assert.equal(dts.match(/export function customerSatisfactionScore\(/g).length, 1);
});
