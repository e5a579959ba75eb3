#!/usr/bin/env python3
"""An external server for tests: it wraps another server's command (its arguments, one shell command)
and answers `unsupported` for every board with more than three apps or more than 16 KiB of storage,
passing every other message through unchanged. It stands for a real board that cannot build every
configuration a campaign generates."""
import json
import subprocess
import sys

MAX_APPS = 3
MAX_STORAGE = 16 * 1024

inner = subprocess.Popen(sys.argv[1], shell=True, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)


def forward(line):
    inner.stdin.write(line)
    inner.stdin.flush()
    reply = inner.stdout.readline()
    if not reply:
        sys.exit(3)
    sys.stdout.write(reply)
    sys.stdout.flush()


for line in sys.stdin:
    message = json.loads(line)
    if message.get("type") == "reset":
        board = message["configuration"]
        if len(board["apps"]) > MAX_APPS or board["storageLength"] > MAX_STORAGE:
            reason = "this board has at most %d apps and %d bytes of storage" % (MAX_APPS, MAX_STORAGE)
            print(json.dumps({"type": "unsupported", "id": message["id"], "reason": reason}), flush=True)
            continue
    forward(line)
inner.stdin.close()
inner.wait()
