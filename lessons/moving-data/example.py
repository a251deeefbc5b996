#!/usr/bin/env python3
"""Echo server for the lesson "Moving data: recv, send, sendall, sendto and sendfile".

TCP (the default): one thread per client; each thread reads with recv(),
answers with sendall(), and leaves its loop when recv() returns b'' (the
client has closed).  UDP (--udp): one loop of recvfrom() and sendto().

    python3 example.py                 # prints: listening on PORT
    python3 example.py --udp           # prints: listening on udp PORT

Try it from another shell (nc, or the lab's client):
    socketlab-cli swarm --port PORT --clients 3 --message hi
    socketlab-cli swarm --udp --port PORT --clients 3 --message hi

Binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socket
import threading
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--udp", action="store_true",
                        help="echo UDP datagrams instead of TCP streams")
    parser.add_argument("--bufsize", type=int, default=4096,
                        help="bufsize passed to recv()/recvfrom() (default 4096)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def handle_tcp(conn, addr, bufsize):
    """Echo one TCP client until it closes."""
    total = 0
    try:
        while True:
            data = conn.recv(bufsize)  # lab: recv
            # recv() returns bytes.  b'' means the client closed (EOF):
            # leave the loop, or it would spin forever on b''.
            if not data:
                break
            # send() may take only part of the data; sendall() loops
            # until every byte is in the kernel's send buffer.
            conn.sendall(data)  # lab: sendall
            total += len(data)
    except OSError as exc:  # e.g. ConnectionResetError: the client sent RST
        print(f"{addr}: {exc}", flush=True)
    finally:
        conn.close()  # lab: close
    print(f"{addr}: echoed {total} bytes, client closed", flush=True)


def serve_tcp(args, deadline):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    try:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", args.port))  # lab: bind
        srv.listen()  # lab: listen
        print(f"listening on {srv.getsockname()[1]}", flush=True)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            srv.settimeout(remaining)  # lab: settimeout
            try:
                conn, addr = srv.accept()  # lab: accept
            except TimeoutError:
                break
            conn.settimeout(None)  # blocking, whatever the listener's mode
            peer = f"{addr[0]}:{addr[1]}"
            worker = threading.Thread(target=handle_tcp,
                                      args=(conn, peer, args.bufsize),
                                      daemon=True)
            worker.start()  # lab: thread_start
    finally:
        srv.close()  # lab: close


def serve_udp(args, deadline):
    srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # lab: socket
    try:
        srv.bind(("127.0.0.1", args.port))  # lab: bind
        print(f"listening on udp {srv.getsockname()[1]}", flush=True)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            srv.settimeout(remaining)  # lab: settimeout
            try:
                # One call, one datagram: (bytes, address).  A datagram
                # longer than bufsize is cut, and the rest is lost.
                data, addr = srv.recvfrom(args.bufsize)  # lab: recvfrom
            except TimeoutError:
                break
            # b'' here is an empty datagram, not a closed peer: echo it too.
            srv.sendto(data, addr)  # lab: sendto
            print(f"{addr[0]}:{addr[1]}: echoed a {len(data)}-byte datagram",
                  flush=True)
    finally:
        srv.close()  # lab: close


def main():
    args = parse_args()
    deadline = time.monotonic() + args.duration
    try:
        if args.udp:
            serve_udp(args, deadline)
        else:
            serve_tcp(args, deadline)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    print("stopping", flush=True)


if __name__ == "__main__":
    main()
