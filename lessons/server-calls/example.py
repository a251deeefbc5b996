#!/usr/bin/env python3
"""A one-thread blocking echo server for the lesson "The server's calls: bind, listen, accept".

    python3 example.py                     # any free port, 0.5 s per message, 60 s
    python3 example.py --delay 2 --duration 30
    python3 example.py --port 5007 --no-reuseaddr   # see EADDRINUSE on a quick restart

One thread does everything, in the order a server must: socket(), bind(),
listen(), then accept() one client at a time. For every message the handler
sleeps --delay seconds before it echoes, so while it serves one client the
others wait: already connected, in the kernel's accept queue. Every line is
stamped with the time, so you can see when the thread sits in accept().
Binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socket
import time

START = time.monotonic()


def log(text):
    print(f"[{time.monotonic() - START:6.2f}s] {text}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port (default)")
    parser.add_argument("--backlog", type=int, default=5,
                        help="value passed to listen() (default 5)")
    parser.add_argument("--delay", type=float, default=0.5,
                        help="seconds to sleep before each echo (default 0.5)")
    parser.add_argument("--no-reuseaddr", action="store_true",
                        help="do not set SO_REUSEADDR before bind()")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def serve(conn, peer, delay, deadline):
    """Echo each message after a pause, until the client closes its side."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            log(f"duration reached while serving {peer}")
            return
        conn.settimeout(remaining)  # lab: settimeout
        try:
            data = conn.recv(4096)  # lab: recv
        except TimeoutError:
            continue
        if not data:            # b"": the client has closed, stop serving it
            break
        time.sleep(delay)  # lab: sleep
        conn.sendall(data)  # lab: sendall
        log(f"echoed {len(data)} bytes to {peer}")


def main():
    args = parse_args()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    try:
        if not args.no_reuseaddr:
            # Lets a restarted server bind while old connections of the
            # previous run sit in TIME_WAIT (both runs must set it).
            srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            srv.bind(("127.0.0.1", args.port))  # lab: bind
        except OSError as exc:
            print(f"bind failed: {exc}", flush=True)
            raise SystemExit(1)
        srv.listen(args.backlog)  # lab: listen
        print(f"listening on {srv.getsockname()[1]}", flush=True)
        log(f"bind() and listen() returned at once; backlog {args.backlog}, "
            f"listening socket fd={srv.fileno()}")

        deadline = START + args.duration
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            log("calling accept(): it blocks while no client is queued")
            # A timeout only so that the program can end at --duration; the
            # accepted socket is blocking again (Python resets it).
            srv.settimeout(remaining)  # lab: settimeout
            try:
                conn, addr = srv.accept()  # lab: accept
            except TimeoutError:
                break
            peer = f"{addr[0]}:{addr[1]}"
            log(f"accept() returned a new socket fd={conn.fileno()} for {peer}; "
                f"the listener is still fd={srv.fileno()}")
            try:
                serve(conn, peer, args.delay, deadline)
            except OSError as exc:
                log(f"{peer}: {exc}")
            finally:
                conn.close()  # lab: close
            log(f"closed {peer}")
        log("duration reached, stopping")
    except KeyboardInterrupt:
        log("interrupted, stopping")
    finally:
        srv.close()  # lab: close


if __name__ == "__main__":
    main()
