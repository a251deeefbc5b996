#!/usr/bin/env python3
"""Non-blocking echo server for the lesson "Blocking, non-blocking and timeouts".

One thread serves every client: all sockets are non-blocking, and a
selector (select/epoll) says which one is ready.  A call that cannot finish
now raises BlockingIOError ([Errno 11]) instead of waiting, and the server
simply tries again when the selector reports the socket ready.

    python3 example.py                   # prints: listening on PORT
    socketlab-cli swarm --port PORT --clients 3 --message hi

A client that stays silent for --idle seconds is told goodbye with
shutdown(SHUT_WR) and closed.  Binds to 127.0.0.1 only and stops by itself
after --duration seconds.
"""

import argparse
import selectors
import socket
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--idle", type=float, default=10.0,
                        help="close a client silent for this long (default 10 s)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


class Client:
    """What the server keeps for one connection."""

    def __init__(self, conn):
        self.conn = conn
        self.pending = b""            # received, not yet echoed
        self.eof = False              # the client sent FIN (recv gave b'')
        self.last = time.monotonic()  # last time we heard from it
        self.name = "{}:{}".format(*conn.getpeername())


def close_client(sel, client, why):
    sel.unregister(client.conn)
    client.conn.close()  # lab: close
    print(f"{client.name}: closed ({why})", flush=True)


def accept_all(sel, srv):
    """Take every connection waiting in the accept queue."""
    while True:
        try:
            conn, addr = srv.accept()  # lab: accept
        except BlockingIOError:       # [Errno 11]: the queue is empty
            return
        conn.setblocking(False)  # lab: setblocking
        client = Client(conn)
        print(f"{client.name}: connected to {conn.getsockname()}", flush=True)
        sel.register(conn, selectors.EVENT_READ, client)


def service(sel, client, ready):
    conn = client.conn
    if ready & selectors.EVENT_READ:
        try:
            data = conn.recv(4096)  # lab: recv
        except BlockingIOError:
            data = None                # a false alarm: nothing to read
        except ConnectionResetError:
            close_client(sel, client, "reset by the client")
            return
        if data == b"":
            client.eof = True          # the client will send nothing more
        elif data:
            client.pending += data
            client.last = time.monotonic()
    if client.pending:
        try:
            sent = conn.send(client.pending)  # lab: send
            client.pending = client.pending[sent:]   # send() may take part
        except BlockingIOError:
            pass                       # send buffer full: wait for EVENT_WRITE
        except (BrokenPipeError, ConnectionResetError):
            close_client(sel, client, "the client went away")
            return
    if client.eof and not client.pending:
        close_client(sel, client, "the client closed, everything echoed")
        return
    # Ask for EVENT_WRITE only while there is something left to send.
    wanted = selectors.EVENT_READ
    if client.pending:
        wanted |= selectors.EVENT_WRITE
    if client.eof:
        wanted = selectors.EVENT_WRITE
    sel.modify(conn, wanted, client)


def main():
    args = parse_args()
    deadline = time.monotonic() + args.duration
    sel = selectors.DefaultSelector()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    try:
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", args.port))  # lab: bind
        srv.listen()  # lab: listen
        srv.setblocking(False)  # lab: setblocking
        print(f"listening on {srv.getsockname()[1]}", flush=True)
        sel.register(srv, selectors.EVENT_READ, None)
        while True:
            now = time.monotonic()
            if now >= deadline:
                break
            # The selector's timeout is the server's clock: wake up at the
            # deadline even if no client does anything.
            for key, ready in sel.select(timeout=min(1.0, deadline - now)):
                if key.data is None:
                    accept_all(sel, srv)
                else:
                    service(sel, key.data, ready)
            now = time.monotonic()
            for key in list(sel.get_map().values()):
                client = key.data
                if client is not None and now - client.last > args.idle:
                    try:
                        client.conn.shutdown(socket.SHUT_WR)  # lab: shutdown
                    except OSError:
                        pass
                    close_client(sel, client, f"silent for {args.idle:g} s")
        print("duration reached, stopping", flush=True)
    except KeyboardInterrupt:
        print("interrupted, stopping", flush=True)
    finally:
        for key in list(sel.get_map().values()):
            if key.data is not None:
                close_client(sel, key.data, "server stopping")
        sel.close()
        srv.close()  # lab: close


if __name__ == "__main__":
    main()
