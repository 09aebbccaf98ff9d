// The browser files fond serves are the npm packages' own, at the versions
// package-lock.json pins: a copy edited by hand, or left behind by a
// version change without `npm run vendor`, fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { vendored, source, target } from '../lib/vendor.mjs';

test('vendored browser files are byte for byte their pinned packages', () => {
  for (const [from, to] of vendored) {
    assert.ok(readFileSync(target(to)).equals(readFileSync(source(from))), `internal/web/static/vendor/${to} differs from node_modules/${from}: run npm run vendor in clients/`);
  }
});

test('the pinned OpenSeadragon is the one package.json names', () => {
  const require = createRequire(import.meta.url);
  const pkg = require('../package.json');
  const lock = require('../package-lock.json');
  assert.equal(lock.packages['node_modules/openseadragon'].version, pkg.dependencies.openseadragon);
  const head = readFileSync(target('openseadragon/openseadragon.min.js'), 'utf8').slice(0, 100);
  assert.ok(head.startsWith(`//! openseadragon ${pkg.dependencies.openseadragon}\n`), `vendored file says ${head.split('\n')[0]}`);
});
