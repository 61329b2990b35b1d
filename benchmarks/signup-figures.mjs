// The sign-up figures of docs/PERFORMANCE.md, run by signup-figures.sh (which see): for each of
// PHRASES random phrases, one `mint session --phrase-stdin` in a new home, a line `SITE --save`
// for every site of the bundled rules data; then, for the first phrase, `mint --save SITE` as a
// command of its own for every satisfiable site, in another new home. Every password printed is
// judged by the oracle. Arguments: TMP PHRASES ONE_COMMAND (1 or 0).
import {
  domains,
  entries,
  meanMax,
  newHome,
  oracle,
  randomPhrase,
  run,
  session,
  share,
} from "./rules-lib.mjs";

const [tmp, phrasesArg = "20", oneCommandArg = "1"] = process.argv.slice(2);
const phrases = Number(phrasesArg);

const SIGNED_UP =
  /^mint: version (\d+) makes a password (\S+) accepts \((\d+) tried\): the new entry stores it$/gm;
const NONE = /^mint: none of versions (\d+) to (\d+) makes a password (\S+) accepts/gm;

/** Derivations of each sign-up from standard error: 1, or 1 + the versions the search tried. */
function derivations(err) {
  const searched = new Map();
  for (const m of err.matchAll(SIGNED_UP)) searched.set(m[2], { version: m[1], more: +m[3] });
  // no version found: the search's versions, then the first password derived again to print it
  for (const m of err.matchAll(NONE)) searched.set(m[3], { version: null, more: +m[2] - +m[1] + 2 });
  return searched;
}

/** One sign-up's figures; its password goes to the oracle. */
function signUp(domain, password, ms, searched, stored) {
  const s = searched.get(domain);
  const version = stored.get(domain)?.version ?? "1";
  if (s?.version != null && s.version !== version) {
    throw new Error(`${domain}: stderr says version ${s.version}, the entry stores ${version}`);
  }
  if (!s && version !== "1") throw new Error(`${domain}: stored version ${version}, no search said`);
  return { domain, password, ms, derivations: 1 + (s?.more ?? 0) };
}

const signUps = [];
const commands = [];
let satisfiable = null;
let same = 0;

/** The table so far: printed after every phrase, so a run stopped early still has its figures. */
function table(done) {
  const row = (form, n, list) => {
    const ok = list.filter((s) => s.ok).length;
    const more = list.length - ok;
    console.log(
      `| ${form} | ${n} | ${list.length} | ${share(ok, list.length)} | ` +
        `${more === 0 ? "1 (every sign-up)" : `1 for ${ok}; more for ${more}`} | ` +
        `${meanMax(list.map((s) => s.derivations))} | ${meanMax(list.map((s) => s.ms / 1000))} |`,
    );
  };
  console.log(
    `# after ${done} of ${phrases} phrases, ${new Date().toISOString()}: ${domains.length} sites` +
      ` in the data, ${satisfiable.length} satisfiable, ${domains.length - satisfiable.length}` +
      " refused by --save (no page setting serves them)",
  );
  console.log(
    "| form | phrases | sign-ups | first password complies (oracle) | commands needed |" +
      " derivations (mean / max) | seconds (mean / max) |",
  );
  console.log("|---|---:|---:|---:|---|---:|---:|");
  row("`mint session`, a line `SITE --save` a site", done, signUps);
  if (commands.length) {
    row("`mint --save SITE`, a command a site", 1, commands);
    console.log(`# \`mint --save SITE\` printed the session's password: ${share(same, commands.length)}`);
  }
  for (const s of [...signUps, ...commands]) {
    if (!s.ok) console.log(`# does not comply: ${s.domain}: ${s.broken.join(", ")}`);
  }
}

/** The oracle's verdict on each sign-up of `list`, kept on it. */
async function judge(list) {
  const verdicts = await oracle(list);
  list.forEach((s, i) => Object.assign(s, verdicts[i]));
  return list;
}

for (let p = 0; p < phrases; p++) {
  const phrase = randomPhrase();
  const home = newHome(tmp);
  const { answers, err } = await session(
    home.env,
    phrase,
    domains.map((d) => `${d} --save`),
  );
  const searched = derivations(err);
  const stored = entries(home.sites);
  const served = [];
  const passwords = new Map();
  const these = [];
  answers.forEach((a, i) => {
    if (a.refused) return;
    served.push(domains[i]);
    passwords.set(domains[i], a.password);
    these.push(signUp(domains[i], a.password, a.ms, searched, stored));
  });
  if (satisfiable && served.join() !== satisfiable.join()) {
    throw new Error(`phrase ${p + 1}: the sites served differ from the first phrase's`);
  }
  satisfiable = served;
  signUps.push(...(await judge(these)));

  if (p === 0 && oneCommandArg === "1") {
    // the one-command form, this phrase: each a new process, its wall time its own
    const home1 = newHome(tmp);
    const these1 = [];
    for (const domain of satisfiable) {
      const r = await run(home1.env, ["--save", "--phrase-stdin", domain], phrase + "\n");
      if (r.code !== 0) throw new Error(`mint --save ${domain}: exit ${r.code}:\n${r.err}`);
      const password = r.out.replace(/\n$/, "");
      same += password === passwords.get(domain) ? 1 : 0;
      these1.push(signUp(domain, password, r.ms, derivations(r.err), entries(home1.sites)));
    }
    commands.push(...(await judge(these1)));
  }
  table(p + 1);
}
