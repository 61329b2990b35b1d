#!/usr/bin/env python3
"""Driver for benchmarks/prompt-latency.sh: one run of a command in a pseudo-terminal.

Starts COMMAND with a new pty as its controlling terminal (standard input, output and error),
waits for its prompt (the word "phrase" on the screen), waits PAUSE seconds as a person typing
would, types the phrase and Enter, and measures from the moment Enter is written until EXPECTED
(the password) is on the screen. Prints that time in milliseconds, or exits 1 with the screen.

Usage: prompt-latency.py PAUSE PHRASE EXPECTED COMMAND...
"""
import os
import pty
import select
import sys
import time


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
    os.write(fd, phrase.encode() + b'\r')
    start = time.perf_counter()
    token = expected.encode()
    ok = read_until(token, time.monotonic() + 60)
    took = time.perf_counter() - start
    os.waitpid(pid, 0)
    if not ok or phrase.encode() in screen:
        sys.exit('no password, or the phrase was echoed; screen: %r' % screen[before:])
    print('%.1f' % (took * 1000))


main()
