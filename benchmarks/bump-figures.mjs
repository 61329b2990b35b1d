// The bump figures of docs/PERFORMANCE.md, run by bump-figures.sh (which see): one random phrase,
// a sign-up session (`SITE --save` for every site of the data) in a new home, then twice over
// every entry it made `mint site bump SITE --phrase-stdin`, each round followed by a session
// deriving every site it served as stored (`SITE` lines: what `mint SITE` prints). Every password
// those sessions print is judged by the oracle. Arguments: TMP.
import { domains, entries, meanMax, newHome, oracle, randomPhrase, run, session, share } from "./rules-lib.mjs";

const [tmp] = process.argv.slice(2);
const phrase = randomPhrase();
const home = newHome(tmp);
const signUp = await session(home.env, phrase, domains.map((d) => `${d} --save`));
const sites = domains.filter((_, i) => !signUp.answers[i].refused);
// a site the page gives the same name as one signed up before it (hertz.at, hertz.be, ...) shares
// that site's entry: the entry is bumped once a round, and every site of it is judged after
const bumped = [...entries(home.sites).keys()];
console.error(`# signed up at ${sites.length} sites, ${bumped.length} entries, ${new Date().toISOString()}`);

const MOVED = /^.*: version (\d+) -> (\d+) \(/m;
const rounds = [];
for (let round = 1; round <= 2; round++) {
  const bumps = new Map();
  for (const site of bumped) {
    const before = entries(home.sites).get(site).version;
    const r = await run(home.env, ["site", "bump", site, "--phrase-stdin"], phrase + "\n");
    const moved = r.err.match(MOVED);
    const b = { code: r.code, ms: r.ms, err: r.err.split("\n")[0] };
    if (r.code === 0 && moved && moved[1] === before) {
      // each version from the one after the stored to the new one derived once
      Object.assign(b, { printed: r.out.replace(/\n$/, ""), derivations: +moved[2] - +moved[1] });
    } else b.code = b.code || "no move";
    bumps.set(site, b);
  }
  const derived = await session(home.env, phrase, sites);
  rounds.push(
    sites.map((site, i) => ({ site, password: derived.answers[i].password, ...bumps.get(site) })),
  );
  console.error(`# bump ${round} done, ${new Date().toISOString()}`);
}

const all = rounds.flat();
const verdicts = await oracle(all.map((b) => ({ domain: b.site, password: b.password })));
console.log(
  "| bump | sites | entries moved (exit 0) | printed = `mint SITE` after | complies (oracle) |" +
    " derivations (mean / max) | seconds (mean / max) |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|");
let offset = 0;
rounds.forEach((bumps, r) => {
  const moved = bumps.filter((b) => b.code === 0); // sites sharing an entry: not bumped themselves
  const ok = bumps.filter((_, i) => verdicts[offset + i].ok).length;
  console.log(
    `| ${r + 1} | ${bumps.length} | ${share(moved.length, bumped.length)} | ` +
      `${share(moved.filter((b) => b.printed === b.password).length, moved.length)} | ` +
      `${share(ok, bumps.length)} | ${meanMax(moved.map((b) => b.derivations))} | ` +
      `${meanMax(bumps.filter((b) => b.ms !== undefined).map((b) => b.ms / 1000))} |`,
  );
  bumps.forEach((b, i) => {
    if (b.code !== undefined && b.code !== 0) console.log(`# bump ${r + 1} ${b.site}: ${b.code}: ${b.err}`);
    if (!verdicts[offset + i].ok) {
      console.log(`# bump ${r + 1} ${b.site}: does not comply: ${verdicts[offset + i].broken.join(", ")}`);
    }
  });
  offset += bumps.length;
});
const both = rounds[0].filter((_, i) => verdicts[i].ok && verdicts[rounds[0].length + i].ok).length;
console.log(`# both bumps comply: ${share(both, sites.length)}`);
