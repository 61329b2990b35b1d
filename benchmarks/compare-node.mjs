// Node's two PBKDF2 paths on the same input as CompareHarness, warm, taking turns per round.
// Prints one line per engine: name<TAB>median ms<TAB>min ms<TAB>runs<TAB>derived hex. Used by compare.sh.
import { pbkdf2Sync, webcrypto } from 'node:crypto';

const rounds = Number(process.argv[2] ?? 15);
const iterations = 210000;
const password = Buffer.from('MY IPHONE purchase*2!', 'ascii');
const salt = Buffer.from('password-mint::v1::github::1', 'ascii');

const key = await webcrypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
const engines = {
  'node-pbkdf2Sync': async () => pbkdf2Sync(password, salt, iterations, 64, 'sha256'),
  'node-webcrypto': async () =>
    Buffer.from(await webcrypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 512)),
};

let expected;
for (const [name, run] of Object.entries(engines)) {
  for (let i = 0; i < 5; i++) {
    const out = await run();
    expected ??= out.toString('hex');
    if (out.toString('hex') !== expected) throw new Error(`${name} disagrees`);
  }
}
const times = Object.fromEntries(Object.keys(engines).map((n) => [n, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(engines)) {
    const start = process.hrtime.bigint();
    await run();
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
for (const [name, list] of Object.entries(times)) {
  list.sort((a, b) => a - b);
  const m = list.length;
  const median = m % 2 ? list[(m - 1) / 2] : (list[m / 2 - 1] + list[m / 2]) / 2;
  console.log(`${name}\t${median.toFixed(2)}\t${list[0].toFixed(2)}\t${m}\t${expected}`);
}
