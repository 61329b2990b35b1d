#!/usr/bin/env python3
"""Per-class figures from PIT's mutations.xml (docs/TESTING.md, "Mutation score").

    python3 benchmarks/mutation-table.py [mutations.xml] [--survivors]

Prints a Markdown table, one row per mutated class (nested classes folded into their outer
class, as the stages are named), the five stages' classes marked with their stage:

    class | stage | mutants | killed | survived | no coverage | timed out | other | score | strength

score    = PIT's mutation score: detected (killed, timed out, memory error, run error) / mutants
strength = PIT's test strength: detected / covered (mutants without coverage left out)

"other" counts the remaining detected statuses (MEMORY_ERROR, RUN_ERROR) and, separately
flagged, NON_VIABLE or STARTED ones. With --survivors, each SURVIVED and NO_COVERAGE mutant
follows (the stages' classes first), as file:line method mutator: description. A report cut off (a run still
going, or stopped) says so in its first line and counts what it holds.
"""

import collections
import re
import sys
import xml.etree.ElementTree as ET

STAGES = [
    ("normalization", r"dev\.mint\.(SiteRule|CaseMapping)[^.]*|dev\.mint\.Js"),
    ("hardening", r"dev\.mint\.Hardening"),
    ("salt", r"dev\.mint\.(FiveStages|VersionRule)[^.]*"),
    ("engine", r"dev\.mint\.FastPbkdf2[^.]*|dev\.mint\.Pbkdf2Arguments"),
    ("encoding", r"dev\.mint\.Encoding[^.]*"),
]
DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}


def stage_of(name):
    for stage, pattern in STAGES:
        if re.fullmatch(pattern, name):
            return stage
    return ""


def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def main(argv):
    survivors = "--survivors" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = paths[0] if paths else "mint-core/target/pit-reports/mutations.xml"
    mutations, partial = read(path)
    rows = collections.defaultdict(collections.Counter)
    left = []
    for m in mutations:
        name = m.findtext("mutatedClass").split("$")[0]
        status = m.get("status")
        rows[name][status] += 1
        if status in ("SURVIVED", "NO_COVERAGE"):
            mutator = m.findtext("mutator").rsplit(".", 1)[-1]
            left.append(
                (
                    stage_of(name) == "",
                    m.findtext("sourceFile"),
                    int(m.findtext("lineNumber")),
                    m.findtext("mutatedMethod"),
                    mutator,
                    status,
                    m.findtext("description"),
                )
            )
    if partial:
        print(f"PARTIAL report ({partial}): counts so far only\n")
    print("| class | stage | mutants | killed | survived | no coverage | timed out | other"
          " | score | strength |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    total = collections.Counter()
    for name in sorted(rows, key=lambda n: (stage_of(n) == "", n)):
        c = rows[name]
        total.update(c)
        print(line(name.removeprefix("dev.mint."), stage_of(name), c))
    print(line("**all**", "", total))
    if survivors:
        print()
        for _, file, number, method, mutator, status, description in sorted(left):
            flag = " (no coverage)" if status == "NO_COVERAGE" else ""
            print(f"- {file}:{number} {method} {mutator}{flag}: {description}")


def read(path):
    """The mutations, and why the report is partial (empty when it is complete).

    PIT writes one <mutation> element a line; while a run goes, the file ends mid-element, so
    a file that does not parse is read line by line, complete elements only."""
    try:
        root = ET.parse(path).getroot()
        return list(root.iter("mutation")), ""
    except ET.ParseError:
        with open(path, encoding="utf-8") as f:
            lines = [l for l in f if l.startswith("<mutation ") and l.rstrip().endswith("</mutation>")]
        return [ET.fromstring(l) for l in lines], "file cut off, run still writing"


def line(name, stage, c):
    mutants = sum(c.values())
    detected = sum(c[s] for s in DETECTED)
    covered = mutants - c["NO_COVERAGE"]
    other = c["MEMORY_ERROR"] + c["RUN_ERROR"]
    odd = mutants - detected - c["SURVIVED"] - c["NO_COVERAGE"]
    other_text = f"{other}" + (f" (+{odd} not run)" if odd else "")
    return (
        f"| {name} | {stage} | {mutants} | {c['KILLED']} | {c['SURVIVED']} | {c['NO_COVERAGE']}"
        f" | {c['TIMED_OUT']} | {other_text} | {percent(detected, mutants)}"
        f" | {percent(detected, covered)} |"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
