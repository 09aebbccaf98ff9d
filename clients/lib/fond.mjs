// fond runs the fond binary for the differential tests: $FOND_BIN when set
// (.ci/run builds it once), else one built here from the checkout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let bin = process.env.FOND_BIN;

function binary() {
  if (!bin) {
    bin = join(mkdtempSync(join(tmpdir(), 'fond-')), 'fond');
    execFileSync('go', ['build', '-o', bin, './cmd/fond'], { cwd: repo, env: { ...process.env, CGO_ENABLED: '0' }, stdio: 'inherit' });
  }
  return bin;
}

// fondJSON runs `fond ARGS...` and parses its standard output as JSON lines.
// fond exits 1 when some inputs were refused; their reports are still on
// standard output.
export function fondJSON(args) {
  let out;
  try {
    out = execFileSync(binary(), args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.status !== 1) throw e;
    out = e.stdout;
  }
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

// readTSV reads a disagreements file: tab-separated columns named by its first
// line; lines starting with # are comments.
export function readTSV(text) {
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const head = lines.shift().split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [head[i], v])));
}

export const repoRoot = repo;

// fondText runs `fond ARGS...` and returns its standard output as it is, for
// commands that print one JSON document (list, show) or plain text.
export function fondText(args) {
  return execFileSync(binary(), args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
}
