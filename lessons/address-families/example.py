#!/usr/bin/env python3
"""One echo server, three address families (lesson "Address families").

Run it with no arguments (TCP over IPv4 on 127.0.0.1, a free port, 60 s):

    python3 example.py
    python3 example.py --family inet6            # TCP over IPv6 on ::1
    python3 example.py --family unix             # a Unix domain socket file
    python3 example.py --family unix --path /tmp/echo.sock --duration 20

The first line printed is "listening on PORT" (inet, inet6) or
"listening on unix PATH" (unix). Every byte a client sends comes back.
Only the address changes from one family to the next: the calls
socket(), bind(), listen(), accept(), recv() and sendall() stay the same.
The server stops by itself after --duration seconds.
"""

import argparse
import os
import shutil
import socket
import tempfile
import threading
import time

FAMILIES = {
    "inet": socket.AF_INET,
    "inet6": socket.AF_INET6,
    "unix": socket.AF_UNIX,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", choices=FAMILIES, default="inet")
    parser.add_argument("--port", type=int, default=0,
                        help="port for inet and inet6, 0 = any free port")
    parser.add_argument("--path", default=None,
                        help="socket file for unix (default: in a new "
                             "temporary folder)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def address_for(args):
    """The address to bind, in the shape the family expects."""
    if args.family == "inet":
        return ("127.0.0.1", args.port)        # (host, port)
    if args.family == "inet6":
        return ("::1", args.port, 0, 0)        # (host, port, flowinfo, scope_id)
    return args.path                           # a file system path (str)


def echo(conn, peer, deadline):
    """Send back everything one client sends, until it closes."""
    with conn:
        try:
            while True:
                conn.settimeout(max(deadline - time.monotonic(), 0.01))
                data = conn.recv(4096)  # lab: recv
                if not data:        # b"": the client closed its side
                    break
                conn.sendall(data)  # lab: sendall
        except (TimeoutError, OSError) as exc:
            print(f"{peer!r}: {exc}", flush=True)
    print(f"closed {peer!r}", flush=True)


def main():
    args = parse_args()
    tmpdir = None
    if args.family == "unix" and args.path is None:
        tmpdir = tempfile.mkdtemp(prefix="socketlab-")
        args.path = os.path.join(tmpdir, "echo.sock")

    srv = socket.socket(FAMILIES[args.family], socket.SOCK_STREAM)  # lab: socket
    bound = False
    try:
        if args.family != "unix":
            srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(address_for(args))  # lab: bind
        bound = True
        srv.listen()  # lab: listen
        name = srv.getsockname()
        if args.family == "unix":
            print(f"listening on unix {name}", flush=True)
        else:
            print(f"listening on {name[1]}", flush=True)
        print(f"family {srv.family.name}, getsockname() = {name!r}", flush=True)

        deadline = time.monotonic() + args.duration
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            srv.settimeout(min(remaining, 0.5))
            try:
                conn, peer = srv.accept()  # lab: accept
            except TimeoutError:
                continue
            # The peer address has the family's shape too: ('127.0.0.1', port),
            # ('::1', port, 0, 0), or '' for an unnamed AF_UNIX client.
            print(f"accepted {peer!r}", flush=True)
            threading.Thread(target=echo, args=(conn, peer, deadline),
                             daemon=True).start()
        print("duration reached, stopping", flush=True)
    except KeyboardInterrupt:
        print("interrupted, stopping", flush=True)
    finally:
        srv.close()  # lab: close
        # A socket file stays after close(): remove the one we created.
        if args.family == "unix" and bound and os.path.exists(args.path):
            os.unlink(args.path)
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
