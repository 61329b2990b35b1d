#!/usr/bin/env node
// For every code point X (lone surrogates included) prints what this engine makes of it, one line
// per code point that is not plain, for CaseMappingExhaustiveTest to compare with the Java port:
//
//   cp  lower(X)  upper(X)  lower(X+"Σ")  lower("A"+X+"Σ")  lower("AΣ"+X)  lower("AΣ"+X+"a")
//
// (hex code point, then each string as dot-separated hex UTF-16 units). The four sigma probes show
// whether X counts as cased or case-ignorable for final sigma. A code point is plain, and not
// printed, when it maps to itself both ways and the probes give X+"σ", "a"+X+"σ", "aς"+X and
// "aς"+X+"a". The first line is "unicode <version>".
const units = (s) => [...Array(s.length).keys()].map((i) => s.charCodeAt(i).toString(16)).join('.');
const out = ['unicode ' + process.versions.unicode];
for (let cp = 0; cp <= 0x10ffff; cp++) {
  const x = String.fromCodePoint(cp);
  const lower = x.toLowerCase();
  const upper = x.toUpperCase();
  const p1 = (x + 'Σ').toLowerCase();
  const p2 = ('A' + x + 'Σ').toLowerCase();
  const p3 = ('AΣ' + x).toLowerCase();
  const p4 = ('AΣ' + x + 'a').toLowerCase();
  if (lower === x && upper === x && p1 === x + 'σ' && p2 === 'a' + x + 'σ' && p3 === 'aς' + x
      && p4 === 'aς' + x + 'a') continue;
  out.push([cp.toString(16), lower, upper, p1, p2, p3, p4].map((v, i) => (i === 0 ? v : units(v))).join(' '));
}
process.stdout.write(out.join('\n') + '\n');
