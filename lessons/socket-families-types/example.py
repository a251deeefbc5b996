#!/usr/bin/env python3
"""Echo server for the lesson "Sockets: address families and types".

The same echo logic runs on three address families and two socket types:

    python3 example.py --family inet  --type stream   # TCP on 127.0.0.1
    python3 example.py --family inet6 --type dgram    # UDP on ::1
    python3 example.py --family unix  --type stream   # AF_UNIX, a path

Only loopback addresses are used (127.0.0.1 for inet, ::1 for inet6).
The server stops by itself after --duration seconds, or on Ctrl-C.
"""

import argparse
import os
import selectors
import shutil
import socket
import tempfile
import time

FAMILIES = {
    "inet": socket.AF_INET,
    "inet6": socket.AF_INET6,
    "unix": socket.AF_UNIX,
}
TYPES = {
    "stream": socket.SOCK_STREAM,
    "dgram": socket.SOCK_DGRAM,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--family", choices=FAMILIES, default="inet")
    parser.add_argument("--type", choices=TYPES, default="stream")
    parser.add_argument("--port", type=int, default=0,
                        help="TCP/UDP port, 0 = any free port (inet/inet6)")
    parser.add_argument("--path", default=None,
                        help="socket path for --family unix "
                             "(default: a fresh temporary directory)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def local_address(args):
    """Return the address to bind, in the format the family expects."""
    if args.family == "inet":
        return ("127.0.0.1", args.port)            # (host, port)
    if args.family == "inet6":
        return ("::1", args.port, 0, 0)            # (host, port, flowinfo, scope_id)
    return args.path                               # a filesystem path (str)


def describe(sock, family):
    """Text for the 'listening on ...' line: the port, or the path."""
    name = sock.getsockname()  # lab: getsockname
    if family == "unix":
        return name                                # the path we bound
    return str(name[1])                            # the real port number


def serve_stream(srv, deadline):
    """Accept clients and echo every chunk back, until the deadline."""
    sel = selectors.DefaultSelector()
    sel.register(srv, selectors.EVENT_READ)
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            for key, _ in sel.select(timeout=min(remaining, 0.5)):
                sock = key.fileobj
                if sock is srv:
                    conn, addr = srv.accept()  # lab: accept
                    print(f"accepted {addr!r}", flush=True)
                    sel.register(conn, selectors.EVENT_READ)
                    continue
                data = sock.recv(4096)  # lab: recv
                if data:
                    sock.sendall(data)  # lab: sendall
                    print(f"echoed {len(data)} bytes", flush=True)
                else:  # b"" means the peer closed its side
                    sel.unregister(sock)
                    sock.close()  # lab: close
                    print("client closed", flush=True)
    finally:
        for key in list(sel.get_map().values()):
            if key.fileobj is not srv:
                key.fileobj.close()  # lab: close
        sel.close()


def serve_dgram(srv, deadline):
    """Echo every datagram back to its sender, until the deadline."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        srv.settimeout(min(remaining, 0.5))  # lab: settimeout
        try:
            data, addr = srv.recvfrom(65535)  # lab: recvfrom
        except TimeoutError:
            continue
        if not addr:
            # An AF_UNIX datagram from a socket that never called bind()
            # has no return address, so there is nowhere to reply to.
            print(f"got {len(data)} bytes from an unbound sender, "
                  "cannot reply", flush=True)
            continue
        srv.sendto(data, addr)  # lab: sendto
        print(f"echoed {len(data)} bytes to {addr!r}", flush=True)


def main():
    args = parse_args()
    family = FAMILIES[args.family]
    sock_type = TYPES[args.type]

    tmpdir = None
    if args.family == "unix" and args.path is None:
        tmpdir = tempfile.mkdtemp(prefix="socketlab-")
        args.path = os.path.join(tmpdir, "echo.sock")

    srv = socket.socket(family, sock_type)  # lab: socket
    bound = False
    try:
        if family != socket.AF_UNIX:
            srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(local_address(args))  # lab: bind
        bound = True
        if sock_type == socket.SOCK_STREAM:
            srv.listen()  # lab: listen
        print(f"listening on {describe(srv, args.family)}", flush=True)
        print(f"family={args.family} type={args.type} fd={srv.fileno()}",  # lab: fileno
              flush=True)

        deadline = time.monotonic() + args.duration
        if sock_type == socket.SOCK_STREAM:
            serve_stream(srv, deadline)
        else:
            serve_dgram(srv, deadline)
        print("duration reached, stopping", flush=True)
    except KeyboardInterrupt:
        print("interrupted, stopping", flush=True)
    finally:
        srv.close()  # lab: close
        # An AF_UNIX path stays in the filesystem until someone unlinks it.
        # Only remove a path that this program created.
        if args.family == "unix" and bound and os.path.exists(args.path):
            os.unlink(args.path)
        if tmpdir is not None:
            shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
