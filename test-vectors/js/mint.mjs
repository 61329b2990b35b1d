// Password Mint, written from SPEC.md in plain JavaScript for Node 20, as a second opinion on the
// Java port. It deliberately leans on the engine for every text operation the spec names:
// String.prototype.trim, toLowerCase, toUpperCase, the regex class \s, parseInt, TextEncoder and
// WebCrypto's PBKDF2. Nothing here is shared with the Java code.

export const REVISIONS = {
  r1: { commit: '8c95790', site: 'S1', symbols: '!@#$%^&*()-_=+[]{}|;:,.<>?/', checksVersion: false },
  r2: { commit: '41a353f', site: 'S2', symbols: '!@#$%^&*()-_=+[]{}|;:,.<>?/', checksVersion: false },
  r3: { commit: '3043ae9', site: 'S3', symbols: '!@#$%*-_=+.?', checksVersion: true },
};

export const LEVELS = { standard: 210000, high: 400000 };

const words = (text) => text.split(' ');

export const SUB = words(
  'www mail m app mobile login signin auth account accounts my portal secure api cdn static assets media images img files docs help support');
export const COMPOUND = words(
  '.co.uk .co.in .co.jp .co.nz .co.za .co.kr .com.au .com.br .com.mx .com.sg .com.hk .org.uk .net.au .ac.uk .gov.uk .edu.au');
export const COMMON_R2 = words(
  '.com .org .net .edu .gov .io .co .app .dev .ai .me .tv .info .biz .xyz .online .site .tech .store .shop .blog .cloud .pro');
export const COMMON_R3 = COMMON_R2.concat(words(
  '.to .ly .gg .fm .cc .ws .vc .la .link .live .world .space .fun .one .network .social'));
export const COUNTRY_R2 = words(
  '.uk .us .ca .au .de .fr .jp .cn .in .br .ru .it .es .nl .se .no .dk .fi .pl .be .at .ch .nz .ie .sg .hk .kr');
export const COUNTRY_R3 = COUNTRY_R2.concat(words(
  '.za .mx .ar .cl .pe .co .ve .my .ph .id .th .vn .tw .tr .ae .sa .eg .il'));

export const ERRORS = {
  site: 'Please enter a site or app name.',
  phrase: 'Please enter your master phrase.',
  version: 'Version must be 1 or greater.',
};

// "Cut": before the first '/', then '?', then '#', then ':'.
function cut(s) {
  for (const stop of ['/', '?', '#', ':']) s = s.split(stop)[0];
  return s;
}

function dropFirstSuffix(s, list) {
  const hit = list.find((suffix) => s.endsWith(suffix));
  return hit === undefined ? s : s.slice(0, s.length - hit.length);
}

/** SPEC.md section 3. */
export function normalizeSite(site, revision) {
  let s = site.trim().toLowerCase();
  const orig = s;
  if (s.startsWith('http://')) s = s.slice('http://'.length);
  else if (s.startsWith('https://')) s = s.slice('https://'.length);
  const rule = REVISIONS[revision].site;
  if (rule === 'S1') {
    if (s.startsWith('www.')) s = s.slice(4);
    if (s.includes('.') || s.includes('/')) s = cut(s);
    return s;
  }
  if (rule === 'S2') {
    if (s.startsWith('www.')) s = s.slice(4);
  } else {
    const label = SUB.find((l) => s.startsWith(l + '.'));
    if (label !== undefined) s = s.slice(label.length + 1);
  }
  if (/[/?#:]/.test(s)) s = cut(s);
  s = dropFirstSuffix(s, COMPOUND);
  if (s.includes('.')) {
    s = dropFirstSuffix(s, rule === 'S2' ? COMMON_R2.concat(COUNTRY_R2) : COMMON_R3.concat(COUNTRY_R3));
  }
  if (rule === 'S3' && s === '') s = orig;
  return s;
}

/** SPEC.md section 4, as the page does it (a blank phrase hardens to ""). */
export function harden(phrase) {
  const n = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  if (n === '') return '';
  let h = 5381;
  for (let i = 0; i < n.length; i++) h = (Math.imul(h, 33) ^ n.charCodeAt(i)) >>> 0;
  const w = n.split(' ');
  if (w.length >= 2) {
    const p1 = h % w.length;
    const p2 = Math.floor(h / w.length) % w.length;
    w[p1] = w[p1].toUpperCase();
    if (p2 !== p1 && w.length > 2) w[p2] = w[p2].toUpperCase();
  } else {
    w[0] = w[0].charAt(0).toUpperCase() + w[0].slice(1);
  }
  const S = '!@#$%^&*';
  const D = '23456789';
  const x = h | 0;
  // A negative index yields undefined, and + spells it out, exactly as on the page.
  return w.join(' ') + S[h % 8] + D[(x >> 4) % 8] + S[(x >> 8) % 8];
}

export function salt(normalizedSite, versionText) {
  return 'password-mint::v1::' + normalizedSite + '::' + versionText;
}

/** SPEC.md section 6: from 64 bytes to the password. */
export function encodePassword(derived, options, revision) {
  const x = options.excludeAmbiguous;
  const pools = [];
  if (options.upper) pools.push(x ? 'ABCDEFGHJKLMNPQRSTUVWXYZ' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  if (options.lower) pools.push(x ? 'abcdefghijkmnopqrstuvwxyz' : 'abcdefghijklmnopqrstuvwxyz');
  if (options.digits) pools.push(x ? '23456789' : '0123456789');
  if (options.symbols) pools.push(REVISIONS[revision].symbols);
  const combined = pools.join('');
  const L = options.length;
  if (combined.length === 0 || pools.length > L) throw new Error('no character classes');
  let k = 0;
  const word = () => {
    const v = (derived[k % 64] << 8) | derived[(k + 1) % 64];
    k += 2;
    return v;
  };
  const ch = [];
  for (let i = 0; i < pools.length; i++) ch.push(pools[i][word() % pools[i].length]);
  for (let i = pools.length; i < L; i++) ch.push(combined[word() % combined.length]);
  for (let i = L - 1; i >= 1; i--) {
    const j = word() % (i + 1);
    [ch[i], ch[j]] = [ch[j], ch[i]];
  }
  return ch.join('');
}

export async function pbkdf2(passwordBytes, saltBytes, iterations) {
  const key = await crypto.subtle.importKey('raw', passwordBytes, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations }, key, 512);
  return new Uint8Array(bits);
}

const hex = (bytes) => Buffer.from(bytes).toString('hex');

/**
 * One case to one row in the vector format. A case is {id, revision, kind, input, derivedHex}: for
 * kind "stage" derivedHex is supplied and used in place of PBKDF2; for "e2e" PBKDF2 runs. A vector
 * row is itself a valid case (its output fields are ignored).
 */
export async function runCase(c) {
  const rev = REVISIONS[c.revision];
  if (!rev) throw new Error('unknown revision ' + c.revision);
  const input = c.input;
  const row = { id: c.id, revision: c.revision, upstreamCommit: rev.commit, kind: c.kind, input };
  const version = input.version === '' ? '1' : input.version;
  let error;
  if (input.site.trim() === '') error = ERRORS.site;
  else if (input.phrase === '') error = ERRORS.phrase;
  else if (rev.checksVersion && !(parseInt(version, 10) >= 1)) error = ERRORS.version;
  if (error !== undefined) return { ...row, error };
  const normalizedSite = normalizeSite(input.site, c.revision);
  const hardenedPhrase = harden(input.phrase);
  const saltText = salt(normalizedSite, version);
  const iterations = LEVELS[input.level];
  if (iterations === undefined) throw new Error('unknown level ' + input.level);
  const encoder = new TextEncoder();
  const hardenedBytes = encoder.encode(hardenedPhrase);
  let derived;
  if (c.kind === 'e2e') derived = await pbkdf2(hardenedBytes, encoder.encode(saltText), iterations);
  else if (c.kind === 'stage') derived = Uint8Array.from(Buffer.from(c.derivedHex, 'hex'));
  else throw new Error('unknown kind ' + c.kind);
  if (derived.length !== 64) throw new Error('derivedHex must be 64 bytes');
  return {
    ...row,
    normalizedSite,
    // As the page's rows record it: text, where a lone surrogate shows as U+FFFD (the bytes in
    // hardenedPhraseHex are the exact ones).
    hardenedPhrase: hardenedPhrase.toWellFormed(),
    hardenedPhraseHex: hex(hardenedBytes),
    salt: saltText,
    iterations,
    derivedHex: hex(derived),
    password: encodePassword(derived, input, c.revision),
  };
}

/**
 * mint's phrase check (not part of the page): the first two bytes of
 * PBKDF2-HMAC-SHA256(hardened phrase bytes, UTF-8 of "mint::phrase-check::v1", 210000, 32 bytes).
 * The hardened bytes are the page's, blank phrase included (the port refuses a blank phrase).
 */
export const PHRASE_CHECK = { salt: 'mint::phrase-check::v1', iterations: 210000, bytes: 32 };

export async function phraseCheckBytes(phrase) {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw', encoder.encode(harden(phrase)), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(PHRASE_CHECK.salt),
      iterations: PHRASE_CHECK.iterations },
    key, PHRASE_CHECK.bytes * 8);
  return new Uint8Array(bits).slice(0, 2);
}
