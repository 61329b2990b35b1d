#!/usr/bin/env node
// Reads cases as JSON lines on stdin and writes one row in the vector format per case on stdout,
// in order. A case: {"id", "revision", "kind": "stage"|"e2e", "input": {...}, "derivedHex"}
// ("derivedHex" only for stage). Lines are answered as they arrive, so one process can serve a
// whole batch or a conversation of single cases. A line that is not a case is answered with
// {"id": ..., "failure": "..."} so the caller can tell.
import { runCase } from './mint.mjs';

async function answer(line) {
  let c;
  try {
    c = JSON.parse(line);
    return JSON.stringify(await runCase(c));
  } catch (e) {
    return JSON.stringify({ id: c && c.id, failure: String(e && e.message) });
  }
}

let pending = Buffer.alloc(0);
for await (const chunk of process.stdin) {
  pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
  const out = [];
  let start = 0;
  for (let nl; (nl = pending.indexOf(10, start)) >= 0; start = nl + 1) {
    const line = pending.toString('utf8', start, nl).trim();
    if (line !== '') out.push(await answer(line));
  }
  pending = pending.subarray(start);
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}
const last = pending.toString('utf8').trim();
if (last !== '') process.stdout.write((await answer(last)) + '\n');
