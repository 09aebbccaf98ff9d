// The browser files fond serves from npm packages: copied from
// node_modules (at the versions package-lock.json pins) into
// internal/web/static/vendor, where the Go binary embeds them. Run
// `npm run vendor` after changing a version; test/vendor.test.mjs fails
// while a copy differs from its package.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const clients = join(dirname(fileURLToPath(import.meta.url)), '..');
export const staticDir = join(clients, '..', 'internal', 'web', 'static', 'vendor');

// [package file, served file], both relative to their folders.
export const vendored = [
  ['openseadragon/build/openseadragon/openseadragon.min.js', 'openseadragon/openseadragon.min.js'],
  ['openseadragon/LICENSE.txt', 'openseadragon/LICENSE.txt'],
  // The map's land outlines (Natural Earth 1:110m), drawn by the server.
  ['world-atlas/land-110m.json', 'world-atlas/land-110m.json'],
  ['world-atlas/LICENSE', 'world-atlas/LICENSE'],
];

export const source = (from) => join(clients, 'node_modules', from);
export const target = (to) => join(staticDir, to);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [from, to] of vendored) {
    mkdirSync(dirname(target(to)), { recursive: true });
    copyFileSync(source(from), target(to));
    console.log(`${from} -> internal/web/static/vendor/${to}`);
  }
}
