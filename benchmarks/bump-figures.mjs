// The bump figures of docs/PERFORMANCE.md, run by bump-figures.sh (which see): one random phrase,
// a sign-up session (`SITE --save` for every site of the data) in a new home, then, CHUNK entries
// at a time, twice `mint site bump SITE --phrase-stdin` on each entry of the chunk, each round
// followed by a session deriving every site of those entries as stored (`SITE` lines: what
// `mint SITE` prints). Every password those sessions print is judged by the oracle; the table so
// far is printed after every chunk, so a run stopped early still has its figures.
// Arguments: TMP [CHUNK].
import { domains, entries, meanMax, newHome, oracle, randomPhrase, run, session, share } from "./rules-lib.mjs";

const [tmp, chunkArg = "40"] = process.argv.slice(2);
const chunk = Number(chunkArg);
const phrase = randomPhrase();
const home = newHome(tmp);
const signUp = await session(home.env, phrase, domains.map((d) => `${d} --save`));
const sites = domains.filter((_, i) => !signUp.answers[i].refused);
// a site the page gives the same name as one signed up before it (hertz.be after hertz.at, or
// signin.ea.com after ea.com, whose --save may change the settings of that entry) gets that
// site's entry and so its password: the entry is bumped once a round, and every site of it is
// judged after. Which entry: every site derived once as stored after the sign-up, and the entry
// printing the same password (distinct entries' passwords do not collide in practice); each entry
// is checked to be among its own sites.
const stored = await session(home.env, phrase, sites);
const asStored = new Map(sites.map((s, i) => [s, stored.answers[i].password]));
const bumped = [...entries(home.sites).keys()];
const ofEntry = new Map(bumped.map((e) => [e, []]));
for (const site of sites) {
  const entry = bumped.find((e) => asStored.get(e) === asStored.get(site));
  if (entry === undefined) throw new Error(`${site}: no entry prints its password`);
  ofEntry.get(entry).push(site);
}
for (const [entry, of] of ofEntry) {
  if (!of.includes(entry)) throw new Error(`entry ${entry} is not among the sites that print its password`);
}
console.log(`# signed up at ${sites.length} sites, ${bumped.length} entries, ${new Date().toISOString()}`);

const MOVED = /^.*: version (\d+) -> (\d+) \(/m;
const rounds = [[], []]; // per round: {site, password, ok, broken, and its entry's bump}

/** One round of bumps on `group`'s entries, then their sites derived as stored. */
async function round(group) {
  const bumps = new Map();
  for (const entry of group) {
    const before = entries(home.sites).get(entry).version;
    const r = await run(home.env, ["site", "bump", entry, "--phrase-stdin"], phrase + "\n");
    const moved = r.err.match(MOVED);
    const b = { entry, code: r.code, ms: r.ms, err: r.err.split("\n")[0] };
    if (r.code === 0 && moved && moved[1] === before) {
      // each version from the one after the stored to the new one derived once
      Object.assign(b, { printed: r.out.replace(/\n$/, ""), derivations: +moved[2] - +moved[1] });
    } else b.code = b.code || "no move";
    bumps.set(entry, b);
  }
  const served = group.flatMap((e) => ofEntry.get(e));
  const derived = await session(home.env, phrase, served);
  const judged = served.map((site, i) => ({ site, password: derived.answers[i].password }));
  const verdicts = await oracle(judged.map((j) => ({ domain: j.site, password: j.password })));
  return judged.map((j, i) => {
    const entry = group.find((e) => ofEntry.get(e).includes(j.site));
    return { ...j, ...verdicts[i], bump: bumps.get(entry), first: entry === j.site };
  });
}

function table(done) {
  console.log(`# after ${done} of ${bumped.length} entries, ${new Date().toISOString()}`);
  console.log(
    "| bump | sites | entries moved (exit 0) | printed = `mint SITE` after | complies (oracle) |" +
      " derivations (mean / max) | seconds (mean / max) |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  rounds.forEach((judged, r) => {
    const own = judged.filter((j) => j.first).map((j) => j.bump); // one a bumped entry
    const moved = own.filter((b) => b.code === 0);
    const printedSame = judged.filter((j) => j.first && j.bump.code === 0 && j.bump.printed === j.password);
    console.log(
      `| ${r + 1} | ${judged.length} | ${share(moved.length, own.length)} | ` +
        `${share(printedSame.length, moved.length)} | ${share(judged.filter((j) => j.ok).length, judged.length)} | ` +
        `${meanMax(moved.map((b) => b.derivations))} | ${meanMax(own.map((b) => b.ms / 1000))} |`,
    );
    for (const j of judged) {
      if (j.first && j.bump.code !== 0) console.log(`# bump ${r + 1} ${j.site}: ${j.bump.code}: ${j.bump.err}`);
      if (!j.ok) console.log(`# bump ${r + 1} ${j.site}: does not comply: ${j.broken.join(", ")}`);
    }
  });
  const both = rounds[0].filter((j, i) => j.ok && rounds[1][i].ok).length;
  console.log(`# both bumps comply: ${share(both, rounds[0].length)}`);
}

for (let from = 0; from < bumped.length; from += chunk) {
  const group = bumped.slice(from, from + chunk);
  for (let r = 0; r < 2; r++) rounds[r].push(...(await round(group)));
  table(Math.min(from + chunk, bumped.length));
}
