// Node baseline for benchmarks/prompt-latency.sh: what `mint github.com` does at the console, in
// Node. Prints "Master phrase: ", reads the phrase with echo off (raw mode, up to Enter), then
// derives github.com's password exactly as the page does (test-vectors/js/mint.mjs for the
// stages, crypto.pbkdf2Sync for PBKDF2-HMAC-SHA256, 210,000 iterations, 64 bytes) and prints it,
// so the script can check that both print the same password.
import crypto from 'node:crypto';
import { harden, normalizeSite, salt, encodePassword } from '../test-vectors/js/mint.mjs';

const OPTIONS = { upper: true, lower: true, digits: true, symbols: true, excludeAmbiguous: true, length: 16 };

process.stdout.write('Master phrase: ');
process.stdin.setRawMode(true);
const bytes = [];
process.stdin.on('data', (chunk) => {
  for (const b of chunk) {
    if (b === 13 || b === 10) {
      process.stdin.setRawMode(false);
      process.stdin.pause();
      process.stdout.write('\r\n');
      const phrase = Buffer.from(bytes).toString('utf8');
      const derived = crypto.pbkdf2Sync(
        Buffer.from(harden(phrase), 'utf8'),
        Buffer.from(salt(normalizeSite('github.com', 'r3'), '1'), 'utf8'),
        210000, 64, 'sha256');
      process.stdout.write(encodePassword(derived, OPTIONS, 'r3') + '\r\n');
      process.exit(0);
    }
    bytes.push(b);
  }
});
