#!/usr/bin/env python3
"""Driver for benchmarks/prompt-latency.sh: one run of a command in a pseudo-terminal.

Starts COMMAND with a new pty as its controlling terminal (standard input, output and error),
waits for its prompt (the word "phrase" on the screen), waits PAUSE seconds as a person typing
would, types the phrase and Enter, and measures from the moment Enter is written until EXPECTED
(the password) is on the screen. Prints that time in milliseconds and, after a space, the CPU
time the command used from Enter until it exited, all threads (its total at exit less its total
at Enter from /proc, which counts in clock ticks: +-10 ms), or exits 1 with the screen. The CPU
time tells work added after Enter apart from a busy machine's waits.

Usage: prompt-latency.py PAUSE PHRASE EXPECTED COMMAND...
"""
import os
import pty
import select
import sys
import time


def cpu_seconds(pid):
    """CPU time of pid so far, all its threads, the exited ones too (/proc/PID/stat), or None."""
    try:
        with open('/proc/%d/stat' % pid) as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')
    except (OSError, ValueError, IndexError):
        return None


def main():
    pause, phrase, expected = float(sys.argv[1]), sys.argv[2], sys.argv[3]
    command = sys.argv[4:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    screen = b''

    def read_until(token, deadline):
        nonlocal screen
        while token not in screen:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    return token in screen
                if not chunk:
                    return token in screen
                screen += chunk
        return True

    if not read_until(b'phrase', time.monotonic() + 60):
        sys.exit('no prompt; screen: %r' % screen)
    time.sleep(pause)
    before = len(screen)
    cpu_before = cpu_seconds(pid)
    os.write(fd, phrase.encode() + b'\r')
    start = time.perf_counter()
    token = expected.encode()
    ok = read_until(token, time.monotonic() + 60)
    took = time.perf_counter() - start
    _, _, usage = os.wait4(pid, 0)
    if not ok or phrase.encode() in screen:
        sys.exit('no password, or the phrase was echoed; screen: %r' % screen[before:])
    cpu = usage.ru_utime + usage.ru_stime - cpu_before if cpu_before is not None else 0
    print('%.1f %.1f' % (took * 1000, max(cpu, 0) * 1000))


main()
