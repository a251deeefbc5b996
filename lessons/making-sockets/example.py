#!/usr/bin/env python3
"""Echo server for the lesson "Making sockets", built with socket.create_server().

    python3 example.py                 # any free port on 127.0.0.1, stops after 60 s
    python3 example.py --port 5007 --duration 30

create_server() does socket(), setsockopt(SO_REUSEADDR), bind() and listen()
in one call. Every accepted client gets a new connected socket with its own
file descriptor, served by its own thread; the program prints those numbers.
Only the loopback address is used. The server stops by itself after
--duration seconds, or on Ctrl-C.
"""

import argparse
import socket
import threading
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port (default)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def serve_client(conn, addr):
    """Echo everything one client sends, until it closes its side."""
    peer = f"{addr[0]}:{addr[1]}"
    with conn:
        print(f"{peer}: connected socket fd={conn.fileno()}", flush=True)
        try:
            while True:
                data = conn.recv(4096)  # lab: recv
                if not data:            # b"": the client closed, leave the loop
                    break
                conn.sendall(data)  # lab: sendall
                print(f"{peer}: echoed {len(data)} bytes", flush=True)
        except OSError as exc:
            print(f"{peer}: {exc}", flush=True)
    print(f"{peer}: closed", flush=True)


def main():
    args = parse_args()
    # socket() + SO_REUSEADDR + bind() + listen(), in one call.
    srv = socket.create_server(("127.0.0.1", args.port))  # lab: socket
    with srv:
        port = srv.getsockname()[1]
        print(f"listening on {port}", flush=True)
        print(f"listening socket fd={srv.fileno()} "
              f"family={srv.family.name} type={srv.type.name}", flush=True)
        # What a client that asks for "localhost" would try, in this order.
        # A minimal system (no /etc/hosts, no resolver) may know no such
        # name: say so and go on serving on 127.0.0.1.
        try:
            infos = socket.getaddrinfo("localhost", port,
                                       type=socket.SOCK_STREAM)
        except OSError as exc:  # socket.gaierror is a subclass of OSError
            print(f"getaddrinfo('localhost', {port}) failed: {exc}", flush=True)
            infos = []
        for family, _, _, _, sockaddr in infos:
            print(f"getaddrinfo('localhost', {port}): {family.name} {sockaddr}",
                  flush=True)

        deadline = time.monotonic() + args.duration
        try:
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                # Wait for a client, but never past the deadline.
                srv.settimeout(min(remaining, 1.0))  # lab: settimeout
                try:
                    conn, addr = srv.accept()  # lab: accept
                except TimeoutError:
                    continue
                # accept() returned a NEW socket; the listener keeps listening.
                threading.Thread(target=serve_client, args=(conn, addr),
                                 daemon=True).start()  # lab: thread_start
            print("duration reached, stopping", flush=True)
        except KeyboardInterrupt:
            print("interrupted, stopping", flush=True)


if __name__ == "__main__":
    main()
