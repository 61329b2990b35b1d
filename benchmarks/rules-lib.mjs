// What signup-figures.mjs and bump-figures.mjs share: the bundled rules data, random phrases,
// running ./mint (a command, or a scripted session fed one line at a time) in a home of its own,
// and the existing oracle of mint-rules' tests (Apple's PasswordRulesParser.js through
// mint-rules/src/test/js/rules-oracle.mjs, run unchanged by node) judging every password.
// Phrases live in this process and reach mint through a pipe only (--phrase-stdin): never argv,
// the environment or a file.
import { spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
const mint = process.env.MINT ?? join(root, "mint");
const data = JSON.parse(
  readFileSync(join(root, "mint-rules/src/main/resources/dev/mint/rules/data/password-rules.json")),
);

/** Every domain of the bundled data, in its order. */
export const domains = Object.keys(data);

/** A domain's rules text exactly as the data holds it (what the oracle parses). */
export const rulesText = (domain) => data[domain]["password-rules"];

const EXTRA = "éüßñçøåжΩλ中文";

/** A random phrase: 8 to 40 characters, printable ASCII, inner spaces, some letters beyond ASCII. */
export function randomPhrase() {
  const length = randomInt(8, 41);
  let out = "";
  for (let i = 0; i < length; i++) {
    const kind = randomInt(20);
    if (kind === 0 && i > 0 && i < length - 1) out += " ";
    else if (kind === 1) out += EXTRA[randomInt(EXTRA.length)];
    else out += String.fromCharCode(33 + randomInt(94));
  }
  return out;
}

/** An empty home of its own (mode 700): HOME and XDG_CONFIG_HOME in it, no MINT_SITES. */
export function newHome(under) {
  const home = mkdtempSync(join(under, "home-"));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config") };
  delete env.MINT_SITES;
  return { env, sites: join(home, ".config/mint/sites.json") };
}

/** The entries of a sites file, by site. */
export function entries(sites) {
  const out = new Map();
  for (const e of JSON.parse(readFileSync(sites, "utf8")).sites) out.set(e.site, e);
  return out;
}

/** One mint command, `input` on its standard input: its exit code, output, errors and wall ms. */
export function run(env, args, input) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(mint, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b) => (out += b));
    child.stderr.on("data", (b) => (err += b));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ code, out, err, ms });
    });
    child.stdin.end(input);
  });
}

/**
 * A scripted `mint session --phrase-stdin` fed one line at a time: each line is written once the
 * one before it has answered (its password on standard output, or for `--save` on a site no page
 * setting can serve, standard error's "no page setting" line), so each line's seconds are its own.
 * Returns, per line: password (or null), refused, ms; and the whole of standard error.
 */
export async function session(env, phrase, lines) {
  const child = spawn(mint, ["session", "--phrase-stdin"], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const events = [];
  let waiting = null;
  const push = (event) => {
    events.push(event);
    if (waiting) {
      const w = waiting;
      waiting = null;
      w();
    }
  };
  let err = "";
  createInterface({ input: child.stdout }).on("line", (line) => push({ password: line }));
  createInterface({ input: child.stderr }).on("line", (line) => {
    err += line + "\n";
    if (line.startsWith("mint: no page setting makes a password ")) push({ refused: line });
  });
  const exited = new Promise((resolve) => child.on("close", resolve));
  const next = async () => {
    while (events.length === 0) {
      const gone = await Promise.race([
        new Promise((resolve) => (waiting = () => resolve(false))),
        exited.then(() => true),
      ]);
      if (gone && events.length === 0) throw new Error("mint session ended early:\n" + err);
    }
    return events.shift();
  };
  child.stdin.write(phrase + "\n");
  const answers = [];
  for (const line of lines) {
    const started = process.hrtime.bigint();
    child.stdin.write(line + "\n");
    const event = await next();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    answers.push({ password: event.password ?? null, refused: !!event.refused, ms });
  }
  child.stdin.end("\n");
  const code = await exited;
  if (code !== 0) throw new Error(`mint session exited ${code}:\n${err}`);
  return { answers, err };
}

/** The oracle's verdict on each {domain, password}: {ok, broken}, one node process for all. */
export function oracle(checks) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, "mint-rules/src/test/js/rules-oracle.mjs")],
      { stdio: ["pipe", "pipe", "inherit"] },
    );
    const verdicts = [];
    createInterface({ input: child.stdout }).on("line", (l) => verdicts.push(JSON.parse(l)));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || verdicts.length !== checks.length) {
        reject(new Error(`oracle: exit ${code}, ${verdicts.length} of ${checks.length} answers`));
      } else resolve(verdicts);
    });
    for (const c of checks) {
      child.stdin.write(JSON.stringify({ rules: rulesText(c.domain), password: c.password }) + "\n");
    }
    child.stdin.end();
  });
}

/** Mean and max of numbers, as "mean / max" with `digits` decimals. */
export function meanMax(values, digits = 2) {
  if (values.length === 0) return "-";
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return `${mean.toFixed(digits)} / ${Math.max(...values).toFixed(digits)}`;
}

/** A share as "n / total (p%)". */
export const share = (n, total) => `${n} / ${total} (${((100 * n) / total).toFixed(1)}%)`;
