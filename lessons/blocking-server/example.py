#!/usr/bin/env python3
"""A single-threaded blocking echo server, for the lesson "The blocking server".

It has the shape of the handout's second example (accept, serve, close, loop),
with its fragile spots fixed: every client gets an idle timeout, one bad client
cannot kill the server, the whole message is read and echoed (sendall), and the
port can be reused at once after a restart.  It still serves one client at a
time: while it works for one, the others wait in the kernel's accept queue.

    python3 example.py                      # any free port, 1 s of work per client
    python3 example.py --delay 2 --port 9999
    socketlab-cli swarm --port PORT --clients 4 --message hi   # in another shell

Watch the queue while it works:  ss -lnt 'sport = :PORT'  (Recv-Q = waiting).
The server binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socket
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--backlog", type=int, default=5,
                        help="value passed to listen() (default 5)")
    parser.add_argument("--delay", type=float, default=1.0,
                        help="seconds of 'work' before each echo (default 1.0)")
    parser.add_argument("--idle-timeout", type=float, default=5.0,
                        help="drop a client that sends nothing for this long")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def stamp(start):
    return f"[{time.monotonic() - start:6.2f}s]"


def serve_one(conn, who, args, start):
    """Echo everything one client sends until it closes (EOF)."""
    conn.settimeout(args.idle_timeout)  # lab: settimeout
    total = 0
    while True:
        data = conn.recv(4096)  # lab: recv
        if not data:            # b'' = the client closed its side: we are done
            break
        time.sleep(args.delay)  # lab: sleep
        conn.sendall(data)      # lab: sendall
        total += len(data)
    print(f"{stamp(start)} {who}: echoed {total} bytes", flush=True)


def main():
    args = parse_args()
    start = time.monotonic()
    deadline = start + args.duration

    sk = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    # Both this run and the next one set SO_REUSEADDR, so a restart is not
    # blocked by our old connections in TIME_WAIT ([Errno 98]).
    sk.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sk.bind(("127.0.0.1", args.port))  # lab: bind
        sk.listen(args.backlog)  # lab: listen
        print(f"listening on {sk.getsockname()[1]}", flush=True)

        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            sk.settimeout(remaining)  # lab: settimeout
            try:
                conn, addr = sk.accept()  # lab: accept
            except TimeoutError:
                break
            who = f"{addr[0]}:{addr[1]}"
            print(f"{stamp(start)} serving {who}", flush=True)
            # One client's trouble must end that client only, not the server.
            try:
                serve_one(conn, who, args, start)
            except TimeoutError:
                print(f"{stamp(start)} {who}: idle for "
                      f"{args.idle_timeout} s, dropped", flush=True)
            except OSError as exc:  # ConnectionResetError, BrokenPipeError ...
                print(f"{stamp(start)} {who}: {exc!r}", flush=True)
            finally:
                conn.close()  # lab: close
        print(f"{stamp(start)} duration reached, stopping", flush=True)
    except KeyboardInterrupt:
        print("interrupted, stopping", flush=True)
    finally:
        sk.close()  # lab: close


if __name__ == "__main__":
    main()
