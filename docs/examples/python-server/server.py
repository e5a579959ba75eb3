#!/usr/bin/env python3
"""A protocol server skeleton: framing and dispatch done, the driver left to write (see docs/protocol.md)."""
import json
import sys

CAPABILITIES = ["drain"]          # the environment events this server supports
PIPELINING = 256                  # requests invs may send before reading the first reply (1: one at a time)
SAME_BUFFER = True                # leave out a buffer the app's last yield showed, when invs asks (section 8)


class Board:
    """Replace with your implementation of driver 0x50004 for one configuration."""

    def __init__(self, configuration):
        self.apps = len(configuration["apps"])
        self.read_buffers = [b""] * self.apps      # read-write allow 0 of each app

    def apply(self, i):
        kind = i["kind"]
        if kind == "command":
            if i["number"] == 0:
                return {"kind": "success"}
            return {"kind": "failure", "code": "NOSUPPORT"}    # TODO: commands 1, 2, 3
        if kind == "allow-rw":
            if i["number"] != 0:
                return {"kind": "failure", "code": "NOSUPPORT"}
            self.read_buffers[i["app"]] = bytes(i["length"])
            return {"kind": "success"}
        if kind in ("allow-ro", "subscribe", "unsubscribe"):
            return {"kind": "success"} if i["number"] in ((0,) if kind == "allow-ro" else (0, 1, 2)) \
                else {"kind": "failure", "code": "NOSUPPORT"}
        if kind == "yield":                                     # TODO: queued upcalls
            return {"kind": "yielded", "upcall": None, "buffer": self.read_buffers[i["app"]].hex()}
        return {"kind": "quiet"}                                # drain (and any other event)


def send(reply):
    sys.stdout.write(json.dumps(reply, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main():
    board = None
    same_buffer = False   # the client asked for the same-buffer extension (section 8)
    shown = {}            # app -> the buffer its last yield showed, since the last reset
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            if not isinstance(request, dict):
                raise ValueError("not a JSON object")
        except ValueError as error:                            # JSONDecodeError is a ValueError
            send({"type": "error", "id": 0, "message": "malformed request: " + str(error)})
            continue
        kind, rid = request.get("type"), request.get("id", 0)
        if kind == "hello" and request.get("protocol") != 1:
            reply = {"type": "error", "id": rid, "message": "this server speaks protocol 1, not "
                     + json.dumps(request.get("protocol"))}
        elif kind == "hello":
            same_buffer = SAME_BUFFER and "same-buffer" in (request.get("extensions") or [])
            reply = {"type": "hello", "id": rid, "protocol": 1, "server": "skeleton 0.1",
                     "capabilities": CAPABILITIES, "pipelining": PIPELINING}
            if same_buffer:
                reply["extensions"] = ["same-buffer"]
        elif kind == "reset":
            board = Board(request["configuration"])
            shown = {}
            reply = {"type": "ready", "id": rid}
        elif kind == "input" and board is not None:
            observation = board.apply(request["input"])
            if observation["kind"] == "yielded":
                app = request["input"]["app"]
                if same_buffer and shown.get(app) == observation["buffer"]:
                    observation["buffer"] = None             # the same as this app's last yield showed
                else:
                    shown[app] = observation["buffer"]
            reply = {"type": "observation", "id": rid, "observation": observation}
        elif kind == "bye":
            reply = {"type": "bye", "id": rid}
        else:
            reply = {"type": "error", "id": rid, "message": "cannot handle " + line.strip()}
        send(reply)
        if kind == "bye":
            break


if __name__ == "__main__":
    main()
