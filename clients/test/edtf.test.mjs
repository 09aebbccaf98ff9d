// fond's EDTF parser against edtf.js, on the Library of Congress
// specification's examples (levels 0 and 1) and on generated input. Every
// difference must be listed, with its reason, in disagreements/edtf.tsv; a new
// one fails, and so does a listed one that no longer occurs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'edtf';
import { fondJSON, readTSV, repoRoot } from '../lib/fond.mjs';

// The specification's examples, as its text lists them.
const spec = [
  // level 0
  '1985-04-12', '1985-04', '1985', '1985-04-12T23:20:30', '1985-04-12T23:20:30Z',
  '1985-04-12T23:20:30-04', '1985-04-12T23:20:30+04:30', '1964/2008', '2004-06/2006-08',
  '2004-02-01/2005-02-08', '2004-02-01/2005-02', '2004-02-01/2005', '2005/2006-02',
  // level 1
  'Y170000002', 'Y-170000002', '2001-21', '2001-22', '2001-23', '2001-24', '1984?', '2004-06~',
  '2004-06-11%', '201X', '20XX', '2004-XX', '1985-04-XX', '1985-XX-XX', '1985-04-12/..',
  '1985-04/..', '1985/..', '../1985-04-12', '../1985-04', '../1985', '1985-04-12/', '1985-04/',
  '1985/', '/1985-04-12', '/1985-04', '/1985', '1984~/2004-06', '1984/2004-06~', '1984~/2004~',
  '1984?/2004%', '1984-06?/2004-08?', '1984-06-02?/2004-08-08~', '1984-06-02?/', '-1985',
  // the cases the standards review found (issue 24)
  '1985-04-12T24:30:00', '1985-04-12T24:00:00', 'Y01234', 'Y00001', '-0000', '1985-04-12T23:20:30~',
];

// generated: a seeded grammar of plausible and broken dates.
function generated(n) {
  let seed = 20261204;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % k; };
  const pick = (xs) => xs[rnd(xs.length)];
  const two = (hi) => String(rnd(hi)).padStart(2, '0');
  const year = () => pick([
    () => String(1000 + rnd(9000)), () => '0000', () => '-' + String(rnd(10000)).padStart(4, '0'),
    () => '19' + pick(['5X', 'XX']), () => 'Y' + String(rnd(1000000)).padStart(5 + rnd(2), '0'),
    () => String(rnd(1000)), () => 'Y' + String(rnd(10000)),
  ])();
  const date = () => {
    let s = year();
    if (s.startsWith('Y')) return s;
    const shape = rnd(5);
    if (shape >= 1) s += '-' + pick([two(26), 'XX', two(13)]);
    if (shape >= 3) s += '-' + pick([two(33), 'XX', two(29)]);
    if (shape === 4 && rnd(3) === 0) s += 'T' + two(26) + ':' + two(61) + pick(['', ':' + two(62)]) + pick(['', 'Z', '+05:30', '-04']);
    return s + pick(['', '', '', '?', '~', '%']);
  };
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(rnd(4) === 0 ? pick([date(), '', '..']) + '/' + pick([date(), '', '..']) : date());
  }
  return [...new Set(out)].filter((s) => s !== '' && s !== '/');
}

// day turns an edtf.js bound (milliseconds, UTC) into YYYY-MM-DD.
function day(ms) {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (Math.abs(y) > 9999) return '';
  const ys = (y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0');
  return `${ys}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function theirs(s) {
  try {
    // fond reads levels 0 and 1; edtf.js held to the same levels.
    const d = parse(s, { level: 1 });
    const v = { valid: true, level: d.level };
    return v;
  } catch {
    return { valid: false };
  }
}

async function bounds(s) {
  const { default: edtf } = await import('edtf');
  try {
    const d = edtf(s);
    return { earliest: day(d.min), latest: day(d.max) };
  } catch {
    return {};
  }
}

test('fond agrees with edtf.js, or the difference is listed', async () => {
  const inputs = [...new Set([...spec, ...generated(3000)])];
  const ours = new Map(fondJSON(['edtf', '--json', '--', ...inputs]).map((r) => [r.input, r]));
  const listed = new Map(readTSV(readFileSync(join(repoRoot, 'clients/disagreements/edtf.tsv'), 'utf8'))
    .map((r) => [r.input + '\t' + r.field, r]));
  const found = new Map();
  let agree = 0;
  let specAgree = 0;
  for (const s of inputs) {
    const a = ours.get(s);
    assert.ok(a, `fond said nothing of ${JSON.stringify(s)}`);
    const b = theirs(s);
    const diffs = [];
    if (a.valid !== b.valid) diffs.push(['valid', String(a.valid), String(b.valid)]);
    else if (a.valid) {
      if (a.level !== b.level) diffs.push(['level', String(a.level), String(b.level)]);
      const bb = await bounds(s);
      for (const f of ['earliest', 'latest']) {
        // edtf.js gives no bound past the JavaScript date range or for an unknown end.
        if (bb[f] && a[f] && bb[f] !== a[f]) diffs.push([f, a[f], bb[f]]);
      }
    }
    if (diffs.length === 0) {
      agree++;
      if (spec.includes(s)) specAgree++;
    }
    for (const [field, fond, other] of diffs) found.set(s + '\t' + field, { input: s, field, fond, other });
  }
  const unlisted = [...found.values()].filter((d) => {
    const l = listed.get(d.input + '\t' + d.field);
    return !l || l.fond !== d.fond || l.other !== d.other;
  });
  const stale = [...listed.keys()].filter((k) => !found.has(k));
  console.log(`edtf: ${inputs.length} inputs (${spec.length} from the specification, ${specAgree} agreeing), agree on ${agree} (${(100 * agree / inputs.length).toFixed(1)}%), ${found.size} listed differences`);
  if (process.env.EDTF_DUMP) {
    // Writes the unlisted differences in the file's shape, to review and add.
    writeFileSync(process.env.EDTF_DUMP, unlisted.map((d) => [d.input, d.field, d.fond, d.other, ''].join('\t')).join('\n') + '\n');
  }
  assert.deepEqual(unlisted, [], 'differences not in clients/disagreements/edtf.tsv');
  assert.deepEqual(stale, [], 'listed differences that no longer occur');
});
