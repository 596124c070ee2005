// Runs every ```js block in README.md and docs/*.md, so the docs cannot drift from the API.
// Each block runs on its own with `pmkit` and every export of it in scope; a block fails
// the test if it throws (use `assert` in a block to check a number).
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const pmkit = require('../pkg');

const root = path.join(__dirname, '..', '..');
const docs = path.join(root, 'docs');
const files = [path.join(root, 'README.md')].concat(
  fs.readdirSync(docs).filter((name) => name.endsWith('.md')).sort().map((name) => path.join(docs, name)),
);

const blocks = [];
for (const file of files) {
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const pattern = /^```js\n([\s\S]*?)^```/gm;
  let match;
  let index = 0;
  while ((match = pattern.exec(text)) !== null) {
    blocks.push({ where: `${path.relative(root, file)}#${index}`, code: match[1] });
    index += 1;
  }
}

test('docs have js examples', () => assert.ok(blocks.length > 0));

for (const { where, code } of blocks) {
  test(`doc block ${where}`, () => {
    // `require('pmkit')` in a block means this package.
    const requireShim = (name) => (name === 'pmkit' ? pmkit : require(name));
    // A block that requires pmkit itself gets no injected names (they would clash with
    // its own `const { ... } = require('pmkit')`); others may use the exports bare.
    const names = code.includes('require(') ? [] : Object.keys(pmkit);
    // The block runs in its own braces so its `const x` may shadow an export named x.
    const run = new Function('pmkit', 'assert', 'require', ...names, `{\n${code}\n}`);
    run(pmkit, assert, requireShim, ...names.map((name) => pmkit[name]));
  });
}
