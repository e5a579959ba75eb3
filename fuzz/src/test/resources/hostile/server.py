#!/usr/bin/env python3
"""A protocol server that misbehaves on purpose, for the hostile-server tests (HostileServersIT).

    python3 server.py MODE

It answers hello and reset correctly (unless MODE says otherwise) and lies plausibly about inputs (every
system call succeeds, every yield shows no upcall and an empty buffer), until MODE strikes. A MODE ending
in -pipelined (stall-pipelined: stops reading and answering; crash-pipelined, flood-stdout-pipelined)
announces pipelining and strikes at the fourth input, in the middle of a batch, instead of the first. It appends
its pid to the file named by the environment variable HOSTILE_PIDS (and the pids of the children it
starts), so that the test can check that invs left no process behind.
"""
import json
import os
import signal
import subprocess
import sys
import time

MODE = sys.argv[1]
PIPELINED = MODE.endswith("-pipelined")
BASE = MODE[:-len("-pipelined")] if PIPELINED else MODE
PIDS = os.environ.get("HOSTILE_PIDS")


def record(pid):
    if PIDS:
        with open(PIDS, "a") as f:
            f.write("%d\n" % pid)


def reply(obj):
    sys.stdout.buffer.write(json.dumps(obj, separators=(",", ":")).encode() + b"\n")
    sys.stdout.buffer.flush()


def raw(data):
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def lie(i):
    kind = i["kind"]
    if kind == "yield":
        return {"kind": "yielded", "upcall": None, "buffer": ""}
    if kind in ("tick", "drain", "reboot", "restart", "flash-fault"):
        return {"kind": "quiet"}
    return {"kind": "success"}


def flood(stream, total):
    block = b"x" * (1 << 20)
    written = 0
    while total is None or written < total:
        stream.write(block)
        written += len(block)
    stream.flush()


INPUTS = [0]


def strike(rid):
    """What MODE does at an input (the first, unless MODE says otherwise)."""
    INPUTS[0] += 1
    if PIPELINED and INPUTS[0] <= 3:
        return False
    if BASE == "crash":
        sys.stderr.write("panicked at 'index out of bounds' \x1b[31min red\x1b[0m\n")
        sys.stderr.flush()
        sys.exit(3)
    if MODE == "fork-child":
        child = subprocess.Popen(["sleep", "300"])  # keeps standard output and error open
        record(child.pid)
        sys.exit(3)
    if MODE == "hop":
        # a daemon in a session of its own, holding the server's pipes, that forks itself away every 5 ms
        # (each generation forks the next and exits) for a minute; the server exits with status 0
        if os.fork() == 0:
            os.setsid()
            until = time.time() + 60
            while time.time() < until:
                if os.fork():
                    os._exit(0)
                record(os.getpid())
                time.sleep(0.005)
            os._exit(0)
        sys.exit(0)
    if BASE in ("hang", "ignore-term", "stall"):
        while True:
            time.sleep(60)
    if BASE == "flood-stdout":
        flood(sys.stdout.buffer, None)
    if MODE == "flood-stderr":
        flood(sys.stderr.buffer, 300 << 20)
        sys.exit(4)
    if MODE == "garbage":
        raw(b"\x1b[2J\x1b]0;pwned\x07garbage \x00 with control bytes\n")
        return True
    if MODE == "invalid-utf8":
        raw(b'{"type":"observation","id":' + str(rid).encode() + b',"observation":{"kind":"\xff\xfe"}}\n')
        return True
    if MODE == "wrong-id":
        reply({"type": "observation", "id": rid + 1000, "observation": {"kind": "success"}})
        return True
    return False


def main():
    record(os.getpid())
    if MODE == "ignore-term":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if MODE == "exit-at-start":
        sys.stderr.write("cannot open /dev/flash0\n")
        sys.exit(5)
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        request = json.loads(line)
        kind, rid = request.get("type"), request.get("id", 0)
        if kind == "hello":
            if MODE == "mute":
                while True:
                    time.sleep(60)
            version = 2 if MODE == "wrong-version" else 1
            hello = {"type": "hello", "id": rid, "protocol": version, "server": "hostile " + MODE + " \x1b[5m",
                     "capabilities": ["drain"]}
            if PIPELINED:
                hello["pipelining"] = 64
            reply(hello)
        elif kind == "reset":
            reply({"type": "ready", "id": rid})
        elif kind == "input":
            if not strike(rid):
                reply({"type": "observation", "id": rid, "observation": lie(request["input"])})
        elif kind == "bye":
            if MODE == "ignore-term":
                continue  # ignores bye too: invs must kill it
            reply({"type": "bye", "id": rid})
            return


if __name__ == "__main__":
    main()
