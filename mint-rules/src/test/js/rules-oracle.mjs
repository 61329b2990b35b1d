// The test oracle of mint-rules: Apple's own parser of the password-rules language
// (PasswordRulesParser.js, copied unchanged from apple/password-manager-resources, MIT licence,
// LICENSE-PasswordRulesParser.md) and a password check written here on top of ITS parse result,
// independent of mint's Java code. Test use only; nothing here ships.
//
// stdin, one JSON value a line:
//   "rules text"                         -> the parse, [{"name":..,"value":..},..]
//   {"rules": "text", "password": "pw"}  -> {"ok": bool, "broken": ["minlength", ..]}
// stdout: one JSON line answering each input line, in order.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const here = fileURLToPath(new URL(".", import.meta.url));
const source = readFileSync(here + "PasswordRulesParser.js", "utf8");
const context = vm.createContext({ console: { assert() {}, error() {}, warn() {} } });
vm.runInContext(source, context);
const parse = (text) => vm.runInContext("parsePasswordRules", context)(text, false);

function shape(rules) {
  return rules.map((rule) => ({
    name: rule.name,
    value: Array.isArray(rule.value)
      ? rule.value.map((v) => (v.characters ? "[" + v.characters.join("") + "]" : v.name))
      : rule.value,
  }));
}

// the character sets of the parse result, by their documented meaning
const RANGES = {
  upper: [["A", "Z"]],
  lower: [["a", "z"]],
  digit: [["0", "9"]],
  special: [[" ", "/"], [":", "@"], ["[", "`"], ["{", "~"]],
  "ascii-printable": [[" ", "~"]],
};
function member(values, ch) {
  for (const v of values) {
    if (v.characters) {
      if (v.characters.includes(ch)) return true;
    } else if (v.name === "unicode") {
      return true;
    } else if (RANGES[v.name].some(([a, b]) => ch >= a && ch <= b)) {
      return true;
    }
  }
  return false;
}

function check(text, password) {
  const broken = [];
  const chars = [...password];
  for (const rule of parse(text)) {
    switch (rule.name) {
      case "minlength":
        if (chars.length < rule.value) broken.push("minlength");
        break;
      case "maxlength":
        if (chars.length > rule.value) broken.push("maxlength");
        break;
      case "allowed":
        if (!chars.every((c) => member(rule.value, c))) broken.push("allowed");
        break;
      case "required":
        if (rule.value.length && !chars.some((c) => member(rule.value, c))) broken.push("required");
        break;
      case "max-consecutive": {
        let run = 0;
        let longest = 0;
        for (let i = 0; i < chars.length; i++) {
          run = i > 0 && chars[i] === chars[i - 1] ? run + 1 : 1;
          longest = Math.max(longest, run);
        }
        if (longest > rule.value) broken.push("max-consecutive");
        break;
      }
    }
  }
  return { ok: broken.length === 0, broken };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const input = JSON.parse(line);
  const answer =
    typeof input === "string" ? shape(parse(input)) : check(input.rules, input.password);
  process.stdout.write(JSON.stringify(answer) + "\n");
}
