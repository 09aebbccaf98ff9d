// fond's IIIF documents read by @iiif/parser, the library IIIF viewers
// (Clover, Canopy, Theseus) are built on: the golden Manifest, Collection and
// Content Search answer of internal/iiif/presentation, and the golden
// info.json of internal/iiif/imageapi (regenerate them with `go test
// ./internal/iiif/... -update`). Each is normalized as a viewer would load
// it (on a copy: normalizing changes its input); the Manifest also goes through the parser's strict upgrade, which
// lists every departure from Presentation 3 it repairs, and must list none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import {
  getImageServiceLevel, imageServiceSupportsRequest, isImageService, parseImageServiceRequest,
} from '@iiif/parser/image-3';
import { repoRoot } from '../lib/fond.mjs';

const golden = (pkg, name) => JSON.parse(readFileSync(join(repoRoot, 'internal', 'iiif', pkg, 'testdata', name), 'utf8'));
const manifest = golden('presentation', 'manifest.json');
const ref = (list) => list.map((x) => x.id);

test('the manifest normalizes into its canvases, images and OCR lines', () => {
  const { resource, entities } = normalize(structuredClone(manifest));
  assert.deepEqual(resource, { id: manifest.id, type: 'Manifest' });
  const m = entities.Manifest[manifest.id];
  assert.deepEqual(m.label, manifest.label);
  assert.equal(m.rights, manifest.rights);
  assert.deepEqual(m.requiredStatement, manifest.requiredStatement);
  assert.deepEqual(m.metadata, manifest.metadata);
  assert.deepEqual(ref(m.homepage), ref(manifest.homepage));
  assert.deepEqual(ref(m.seeAlso), ref(manifest.seeAlso));
  assert.deepEqual(m.service.map((s) => s.type), ['SearchService2']);

  assert.equal(m.items.length, 2);
  for (const [i, c] of m.items.entries()) {
    const canvas = entities.Canvas[c.id];
    assert.equal(canvas.width, 2480);
    assert.equal(canvas.height, 3508);
    // One painting annotation, its body an image with a level 2 image service.
    const page = entities.AnnotationPage[canvas.items[0].id];
    assert.equal(page.items.length, 1);
    const paint = entities.Annotation[page.items[0].id];
    assert.deepEqual(paint.motivation, ['painting']);
    const body = entities.ContentResource[paint.body[0].id];
    assert.equal(body.type, 'Image');
    assert.equal(body.format, 'image/jpeg');
    const service = body.service.map((s) => entities.Service[s.id] ?? s)[0];
    assert.ok(isImageService(service), `canvas ${i + 1}: not an image service: ${JSON.stringify(service)}`);
    assert.equal(getImageServiceLevel(service), 2);
    assert.equal(body.id, `${service.id}/full/max/0/default.jpg`);
  }
});

test('OCR lines are supplementing annotations on regions inside their canvas', () => {
  const { entities } = normalize(structuredClone(manifest));
  const canvas = entities.Canvas[manifest.items[0].id];
  assert.equal(canvas.annotations.length, 1);
  const lines = entities.AnnotationPage[canvas.annotations[0].id].items.map((a) => entities.Annotation[a.id]);
  assert.equal(lines.length, 3);
  for (const a of lines) {
    assert.deepEqual(a.motivation, ['supplementing']);
    const body = entities.ContentResource[a.body[0].id];
    assert.equal(body.type, 'TextualBody');
    assert.deepEqual(body.language, ['ru']);
    assert.ok(body.value.trim() !== '');
    assert.equal(a.target.type, 'SpecificResource');
    assert.equal(a.target.source.id, canvas.id);
    const m = /^xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(a.target.selector.value);
    assert.ok(m, `target ${JSON.stringify(a.target)}`);
    const [x, y, w, h] = m.slice(1).map(Number);
    assert.ok(w > 0 && h > 0 && x + w <= canvas.width && y + h <= canvas.height, `region ${m[0]} outside the canvas`);
  }
  // A page without OCR has no annotation page.
  assert.equal(entities.Canvas[manifest.items[1].id].annotations.length, 0);
});

test('the strict upgrade finds nothing to repair in the manifest', () => {
  const log = { warnings: [] };
  presentation3StrictUpgrade(structuredClone(manifest), log);
  assert.deepEqual(log.warnings, []);
});

test('the collection lists its manifest and sub-collection', () => {
  const collection = golden('presentation', 'collection.json');
  const { resource, entities } = normalize(structuredClone(collection));
  assert.deepEqual(resource, { id: collection.id, type: 'Collection' });
  const items = entities.Collection[collection.id].items;
  assert.deepEqual(items.map((x) => x.type), ['Manifest', 'Collection']);
  assert.ok(entities.Manifest[manifest.id], 'the manifest is a member');
});

test('a search answer targets the lines the manifest has', () => {
  const search = golden('presentation', 'search.json');
  const { resource, entities } = normalize(structuredClone(search));
  assert.equal(resource.type, 'AnnotationPage');
  const manifestLines = new Map(manifest.items[0].annotations[0].items.map((a) => [a.id, a]));
  const hits = entities.AnnotationPage[search.id].items.map((a) => entities.Annotation[a.id]);
  assert.ok(hits.length > 0);
  for (const hit of hits) {
    const line = manifestLines.get(hit.id);
    assert.ok(line, `hit ${hit.id} is not an annotation of the manifest`);
    assert.equal(`${hit.target.source.id}#${hit.target.selector.value}`, line.target);
  }
  // Each highlight names its line and the words matched in it.
  for (const h of search.annotations[0].items) {
    assert.equal(h.motivation, 'highlighting');
    const line = manifestLines.get(h.target.source);
    assert.ok(line, `highlight of ${h.target.source}`);
    const { prefix = '', exact, suffix = '' } = h.target.selector[0];
    assert.ok(line.body.value.includes(prefix + exact + suffix), `${prefix}[${exact}]${suffix} not in «${line.body.value}»`);
  }
});

test('info.json is a level 2 image service whose tiles and sizes it supports', () => {
  const info = golden('imageapi', 'info.json');
  assert.ok(isImageService(info));
  assert.equal(getImageServiceLevel(info), 2);
  const requests = [];
  for (const t of info.tiles) {
    for (const sf of t.scaleFactors) {
      const span = t.width * sf;
      // A viewer's first, last and corner tiles at each scale.
      for (const [x, y] of [[0, 0], [Math.floor((info.width - 1) / span) * span, Math.floor((info.height - 1) / span) * span]]) {
        const w = Math.min(span, info.width - x);
        const h = Math.min(span, info.height - y);
        requests.push(`${x},${y},${w},${h}/${Math.ceil(w / sf)},/0/default.jpg`);
      }
    }
  }
  for (const s of info.sizes) requests.push(`full/${s.width},${s.height}/0/default.png`);
  requests.push('full/max/!90/gray.png', 'square/^max/180/bitonal.jpg', 'pct:10,10,50,50/!400,400/270/default.jpg');
  for (const r of requests) {
    const parsed = parseImageServiceRequest(`${info.id}/${r}`);
    assert.deepEqual(imageServiceSupportsRequest(info, parsed), [true], r);
  }
});
