#!/usr/bin/env python3
"""An external server for tests: it wraps another server's command (its arguments, one shell command),
passing every message through unchanged except its hello reply, which announces the drain event alone and
no pipelining. It stands for a board that can run until idle but cannot tick, reboot, restart an app or
inject a flash fault on demand: such a system must never be sent those events."""
import json
import subprocess
import sys

inner = subprocess.Popen(sys.argv[1], shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

for line in sys.stdin:
    message = json.loads(line)
    inner.stdin.write(line)
    inner.stdin.flush()
    reply = inner.stdout.readline()
    if not reply:
        sys.exit(3)
    if message.get("type") == "hello":
        hello = json.loads(reply)
        hello["capabilities"] = ["drain"]
        hello.pop("pipelining", None)
        reply = json.dumps(hello) + "\n"
    sys.stdout.write(reply)
    sys.stdout.flush()
inner.stdin.close()
inner.wait()
