// The two product roles from JavaScript: what the shared vectors cannot express.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../pkg');

test('roleProfiles is product manager first and equals roleProfile of each', () => {
  const profiles = pmkit.roleProfiles();
  assert.deepEqual(profiles.map((p) => p.role), ['product_manager', 'product_owner']);
  assert.deepEqual(profiles, [pmkit.roleProfile('product_manager'), pmkit.roleProfile('product_owner')]);
});

test('profiles are plain objects with ids and labels', () => {
  const owner = pmkit.roleProfile('product_owner');
  assert.equal(Object.getPrototypeOf(owner), Object.prototype);
  assert.equal(owner.horizon, 'tactical');
  assert.deepEqual(owner.kpis[0], {
    id: 'development_velocity',
    label: 'Velocity of the development team',
    metrics: ['team_velocity', 'sprint_burndown', 'time_to_market'],
  });
  const evidenced = new Set(owner.kpis.flatMap((kpi) => kpi.metrics));
  assert.deepEqual([...evidenced].sort(), [...owner.metrics].sort());
  // JSON round trip: nothing but plain data.
  assert.deepEqual(JSON.parse(JSON.stringify(owner)), owner);
});

test('salaryBenchmark has the published figures; salaryPositionInRange is its method', () => {
  const manager = pmkit.salaryBenchmark('product_manager');
  assert.deepEqual(
    [manager.low, manager.average, manager.high, manager.currency, manager.country, manager.source],
    [75179, 117858, 184764, 'USD', 'US', 'Indeed'],
  );
  assert.equal(manager.factors.length, 5);
  assert.equal(pmkit.salaryPositionInRange('product_manager', manager.low), 0);
  assert.equal(pmkit.salaryPositionInRange('product_manager', manager.high), 1);
  assert.equal(pmkit.salaryPositionInRange('product_manager', (75179 + 184764) / 2), 0.5);
});

test('salary outside the range, NaN, or a missing salary throw a PmkitError naming salary', () => {
  for (const [salary, kind] of [[200000, 'out_of_range'], [NaN, 'invalid_input'], [undefined, 'invalid_input']]) {
    assert.throws(() => pmkit.salaryPositionInRange('product_owner', salary), (err) => {
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'PmkitError');
      assert.equal(err.kind, kind);
      assert.equal(err.field, 'salary');
      return true;
    });
  }
});

test('unknown names throw parse errors listing the valid ones', () => {
  assert.throws(() => pmkit.ownerOf('coffee_break'), (err) => {
    assert.equal(err.kind, 'parse');
    assert.equal(err.field, 'kind');
    assert.match(err.message, /market_analysis.*development_team_liaison/);
    return true;
  });
  assert.throws(() => pmkit.roleProfile('scrum_master'), { name: 'PmkitError', kind: 'parse', field: 'role' });
});

test('every activity of a profile is owned by that role', () => {
  for (const profile of pmkit.roleProfiles()) {
    for (const activity of profile.activities) {
      assert.deepEqual(pmkit.ownerOf(activity.id), { role: profile.role, horizon: profile.horizon });
    }
  }
});

test('workedExample: three product manager then three product owner activities', () => {
  const example = pmkit.workedExample();
  assert.deepEqual(
    example.activities.map((a) => a.owner.role),
    ['product_manager', 'product_manager', 'product_manager', 'product_owner', 'product_owner', 'product_owner'],
  );
  for (const activity of example.activities) assert.deepEqual(activity.owner, pmkit.ownerOf(activity.kind));
});

test('productManagerHeadcount', () => {
  assert.deepEqual(
    (({ role, country, at_least }) => ({ role, country, at_least }))(pmkit.productManagerHeadcount()),
    { role: 'product_manager', country: 'US', at_least: 500000 },
  );
});

test('the TypeScript unions list every id the functions return', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'pkg', 'pmkit.d.ts'), 'utf8');
  const union = (name) => {
    const match = dts.match(new RegExp(`export type ${name} =([^;]*);`));
    assert.ok(match, `type ${name} is declared`);
    return new Set([...match[1].matchAll(/"([a-z_]+)"/g)].map((m) => m[1]));
  };
  const ids = { ActivityKind: new Set(), Responsibility: new Set(), Skill: new Set(), Kpi: new Set() };
  for (const profile of pmkit.roleProfiles()) {
    profile.activities.forEach((a) => ids.ActivityKind.add(a.id));
    profile.responsibilities.forEach((r) => ids.Responsibility.add(r.id));
    profile.skills.forEach((s) => ids.Skill.add(s.id));
    profile.kpis.forEach((k) => ids.Kpi.add(k.id));
  }
  for (const [name, seen] of Object.entries(ids)) assert.deepEqual([...seen].sort(), [...union(name)].sort(), name);
  assert.deepEqual([...union('SalaryFactor')].sort(), [...pmkit.salaryBenchmark('product_owner').factors].sort());
});
