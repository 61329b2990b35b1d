// One-shot Node baseline for benchmarks/startup.sh: the PBKDF2 that `./mint github.com` runs,
// in a fresh process. Reads the phrase from one line of stdin, derives 64 bytes with
// PBKDF2-HMAC-SHA256 (210,000 iterations) and prints them as hex. It skips mint's hardening and
// encoding (microseconds) and is not a port: only the cost of a cold process plus the PBKDF2.
'use strict';
const crypto = require('crypto');
const fs = require('fs');

const line = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
const salt = 'password-mint::v1::github::1';
const derived = crypto.pbkdf2Sync(line, salt, 210000, 64, 'sha256');
process.stdout.write(derived.toString('hex') + '\n');
