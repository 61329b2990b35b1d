#!/usr/bin/env node
// Runs every row of the given vector files (default: ../upstream/*.jsonl) through mint.mjs and
// compares every field the page recorded. Stage rows use their supplied bytes; e2e rows run real
// PBKDF2 (--e2e-every=N checks only e2e rows whose id is a multiple of N; 0 skips them).
// Prints one line per mismatch and a summary; exits 1 on any mismatch.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCase } from './mint.mjs';

const args = process.argv.slice(2);
let every = 1;
const files = [];
for (const a of args) {
  if (a.startsWith('--e2e-every=')) every = Number(a.slice('--e2e-every='.length));
  else files.push(a);
}
if (files.length === 0) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'upstream');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.jsonl')) files.push(join(dir, f));
}

const FIELDS = ['error', 'normalizedSite', 'hardenedPhrase', 'hardenedPhraseHex', 'salt',
  'iterations', 'derivedHex', 'password', 'upstreamCommit'];
let checked = 0;
let skipped = 0;
let mismatches = 0;
const started = Date.now();
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const jobs = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line);
    if (row.kind === 'e2e' && (every === 0 || row.id % every !== 0)) {
      skipped++;
      return;
    }
    jobs.push(runCase(row).then((mine) => {
      checked++;
      for (const f of FIELDS) {
        if (mine[f] !== row[f]) {
          mismatches++;
          if (mismatches <= 20) console.log(`${basename(file)}:${i + 1} (id ${row.id}): ${f} differs`);
          return;
        }
      }
    }));
  });
  await Promise.all(jobs);
}
console.log(`check-upstream: ${checked} rows compared, ${mismatches} mismatches, ${skipped} e2e rows`
  + ` skipped, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(mismatches === 0 && checked > 0 ? 0 : 1);
