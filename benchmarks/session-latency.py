#!/usr/bin/env python3
"""Per-site time in `mint session` against the warm engine time (the goal in docs/PERFORMANCE.md:
each site after the first <= 1.2 x the warm engine time).

Runs `java -jar mint-cli/target/mint-cli.jar session --quiet` in a pseudo-terminal, types the
phrase at the prompt, then N sites one by one at `site> `; for each, times from Enter to the
password on the screen (the expected passwords come from `mint batch` beforehand). Then runs
`mint bench --rounds R` (the engine alone, warm, in one JVM). Repeats ROUNDS times, alternating
nothing else: both are mint. Prints the per-site times after the first (median, minimum) and the
warm engine's (median of the bench medians, minimum), and their ratios.

Usage: benchmarks/session-latency.py [ROUNDS] [SITES]   (default 3 rounds of 12 sites)
Environment: JAVA (default java).
"""
import os
import pty
import re
import select
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
JAR = os.path.join(ROOT, 'mint-cli', 'target', 'mint-cli.jar')
JAVA = os.environ.get('JAVA', 'java')
PHRASE = 'correct horse battery staple'


def expected(sites):
    out = subprocess.run([JAVA, '-jar', JAR, 'batch', '-', '--phrase-stdin'],
                         input=(PHRASE + '\n' + '\n'.join(sites) + '\n').encode(),
                         capture_output=True, check=True).stdout.decode()
    return [line.split('\t')[1] for line in out.splitlines()]


def session(sites, passwords):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(JAVA, [JAVA, '-jar', JAR, 'session', '--quiet'])
    screen = b''

    def until(token):
        nonlocal screen
        deadline = time.monotonic() + 60
        while token not in screen:
            ready, _, _ = select.select([fd], [], [], max(0, deadline - time.monotonic()))
            if not ready:
                raise SystemExit('timeout waiting for %r; screen %r' % (token, screen[-200:]))
            screen += os.read(fd, 4096)

    until(b'phrase')
    time.sleep(1.5)
    os.write(fd, PHRASE.encode() + b'\r')
    times = []
    for i, (site, password) in enumerate(zip(sites, passwords)):
        until(b'site> ')
        screen = b''
        os.write(fd, site.encode() + b'\r')
        start = time.perf_counter()
        until(password.encode())
        times.append((time.perf_counter() - start) * 1000)
    until(b'site> ')
    os.write(fd, b'quit\r')
    os.waitpid(pid, 0)
    return times


def bench(rounds):
    out = subprocess.run([JAVA, '-jar', JAR, 'bench', '--rounds', str(rounds)],
                         capture_output=True, check=True).stdout.decode()
    for line in out.splitlines():
        if line.lstrip().startswith('standard'):
            numbers = [float(x) for x in re.findall(r'[0-9]+(?:\.[0-9]+)?', line.replace(',', ''))]
            return numbers  # first, median, fastest (ms)
    raise SystemExit('no standard row in mint bench output:\n' + out)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    sites = ['site%d.example' % i for i in range(1, count + 1)]
    passwords = expected(sites)
    load_before = open('/proc/loadavg').read().split()[:3]
    later, firsts, bench_medians, bench_mins = [], [], [], []
    for _ in range(rounds):
        times = session(sites, passwords)
        firsts.append(times[0])
        later.extend(times[1:])
        b = bench(count)
        bench_medians.append(b[-2])
        bench_mins.append(b[-1])
    load_after = open('/proc/loadavg').read().split()[:3]
    engine_median = statistics.median(bench_medians)
    engine_min = min(bench_mins)
    print('Rounds: %d sessions of %d sites (after a 1.5 s pause at the phrase prompt), each '
          'followed by `mint bench --rounds %d`; %d cores; load average before: %s; after: %s'
          % (rounds, count, count, os.cpu_count(), ' '.join(load_before), ' '.join(load_after)))
    print()
    print('| | median ms | min ms |')
    print('|---|---:|---:|')
    print('| session: first site, Enter -> password | %.1f | %.1f |'
          % (statistics.median(firsts), min(firsts)))
    print('| session: each later site, Enter -> password | %.1f | %.1f |'
          % (statistics.median(later), min(later)))
    print('| warm engine (`mint bench`, standard) | %.1f | %.1f |' % (engine_median, engine_min))
    print('| ratio later site / warm engine | %.2f | %.2f |'
          % (statistics.median(later) / engine_median, min(later) / engine_min))


main()
