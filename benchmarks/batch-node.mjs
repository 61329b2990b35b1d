// Node baseline for benchmarks/batch.sh: one process deriving the password of every site listed
// in a file, one after another with crypto.pbkdf2Sync (210,000 iterations, 64 bytes), the stages
// around it from test-vectors/js/mint.mjs, so its output can be compared with `mint batch`'s:
// "site<TAB>password" per line. The phrase is the first line of standard input.
// Usage: node benchmarks/batch-node.mjs SITES_FILE < phrase
import crypto from 'node:crypto';
import fs from 'node:fs';
import { harden, normalizeSite, salt, encodePassword } from '../test-vectors/js/mint.mjs';

const OPTIONS = { upper: true, lower: true, digits: true, symbols: true, excludeAmbiguous: true, length: 16 };
const phrase = fs.readFileSync(0, 'utf8').split('\n')[0];
const key = Buffer.from(harden(phrase), 'utf8');
const out = [];
for (const site of fs.readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (site === '') continue;
  const derived = crypto.pbkdf2Sync(key, Buffer.from(salt(normalizeSite(site, 'r3'), '1'), 'utf8'), 210000, 64, 'sha256');
  out.push(site + '\t' + encodePassword(derived, OPTIONS, 'r3') + '\n');
}
process.stdout.write(out.join(''));
