#!/usr/bin/env python3
"""A deliberately slow TCP server for the lesson "listen(backlog) and the accept queue".

It listens with a small backlog and calls accept() only once every
--accept-every seconds, so connections pile up in the kernel's accept queue
where you can watch them:

    python3 example.py --backlog 2 --accept-every 3
    ss -lnt 'sport = :PORT'        # Recv-Q = queue length, Send-Q = backlog

Then start more clients than the queue holds (backlog + 1), for example
six:  socketlab-cli swarm --port PORT --clients 6 --probe
The first backlog + 1 finish connect() at once; the others stay SYN_SENT
and get in only at a SYN retransmission after an accept() made room.

Each accepted client gets back whatever it sent (one read), then is closed.
The server binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socket
import struct
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--backlog", type=int, default=2,
                        help="value passed to listen() (default 2)")
    parser.add_argument("--accept-every", type=float, default=3.0,
                        help="seconds between two accept() calls (default 3.0)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def accept_queue(srv):
    """Return (queued, cap) for our own listening socket, or None.

    On Linux, TCP_INFO on a listening socket reports the accept-queue length
    in tcpi_unacked and the backlog cap in tcpi_sacked (the same pair that
    ss shows as Recv-Q and Send-Q).  Both are 32-bit fields at offset 24.
    """
    if not hasattr(socket, "TCP_INFO"):
        return None
    try:
        info = srv.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
    except OSError:
        return None
    return struct.unpack_from("=II", info, 24)


def stamp(start):
    return f"[{time.monotonic() - start:6.2f}s]"


def serve_one(conn, addr, start):
    """Echo what one client sent (a single read), then close it."""
    try:
        conn.settimeout(1.0)  # lab: settimeout
        data = conn.recv(4096)  # lab: recv
        if data:
            conn.sendall(data)  # lab: sendall
            print(f"{stamp(start)} echoed {len(data)} bytes to {addr}", flush=True)
        else:
            print(f"{stamp(start)} {addr} sent nothing", flush=True)
    except TimeoutError:
        print(f"{stamp(start)} {addr} sent nothing within 1 s", flush=True)
    except OSError as exc:
        print(f"{stamp(start)} {addr}: {exc}", flush=True)
    finally:
        conn.close()  # lab: close


def main():
    args = parse_args()
    start = time.monotonic()
    deadline = start + args.duration

    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    try:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", args.port))  # lab: bind
        srv.listen(args.backlog)  # lab: listen
        port = srv.getsockname()[1]
        print(f"listening on {port}", flush=True)
        # The kernel silently caps the backlog at net.core.somaxconn (and
        # Python turns a negative one into 0), so ask the kernel for the cap
        # it really uses instead of trusting --backlog.
        queue = accept_queue(srv)
        cap = queue[1] if queue is not None else args.backlog
        print(f"backlog={args.backlog} (kernel cap {cap}): the kernel queues "
              f"up to {cap + 1} finished handshakes; watch with "
              f"ss -lnt 'sport = :{port}'", flush=True)

        while True:
            # Sleep first: while we sleep, nobody calls accept().
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            time.sleep(min(args.accept_every, remaining))  # lab: sleep

            queue = accept_queue(srv)
            if queue is not None:
                print(f"{stamp(start)} accept queue: {queue[0]} waiting "
                      f"(Recv-Q), cap {queue[1]} (Send-Q)", flush=True)

            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            # Wait for a client, but never past the deadline.
            srv.settimeout(remaining)  # lab: settimeout
            try:
                conn, addr = srv.accept()  # lab: accept
            except TimeoutError:
                break
            print(f"{stamp(start)} accepted {addr[0]}:{addr[1]}", flush=True)
            serve_one(conn, f"{addr[0]}:{addr[1]}", start)
        print(f"{stamp(start)} duration reached, stopping", flush=True)
    except KeyboardInterrupt:
        print("interrupted, stopping", flush=True)
    finally:
        # Closing the listener also discards connections still in the queue:
        # their clients see a reset.
        srv.close()  # lab: close


if __name__ == "__main__":
    main()
