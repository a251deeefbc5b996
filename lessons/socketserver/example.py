#!/usr/bin/env python3
"""A socketserver.TCPServer echo server, for the lesson "socketserver".

The request handler overrides all three hooks, so you can see the order
BaseRequestHandler calls them in: setup(), handle(), then finish(), which
runs even when handle() raises (the constructor uses try/finally).

    python3 example.py                    # any free port, runs 60 s
    python3 example.py --port 9999 --duration 20
    socketlab-cli swarm --port PORT --clients 3 --message hi   # another shell
    printf 'boom' | nc -N 127.0.0.1 PORT  # handle() raises; finish() still runs

serve_forever() runs in a second thread; the main thread waits --duration
seconds, then calls shutdown() (never from the serving thread: that would
deadlock) and server_close().  Binds to 127.0.0.1 only.
"""

import argparse
import socket
import socketserver
import threading
import time

START = time.monotonic()


def log(text):
    print(f"[{time.monotonic() - START:6.2f}s] {threading.current_thread().name}: "
          f"{text}", flush=True)


class EchoHandler(socketserver.BaseRequestHandler):
    """One instance per connection: setup(), handle(), finish()."""

    def setup(self):
        # self.request is the connected socket, self.client_address the peer.
        self.request.settimeout(self.server.idle_timeout)  # lab: setup
        self.total = 0
        log(f"setup    {self.client_address[0]}:{self.client_address[1]}")

    def handle(self):
        log("handle   start")  # lab: handle
        while True:
            data = self.request.recv(4096)  # lab: recv
            if not data:                     # the client closed: we are done
                break
            if data.strip() == b"boom":
                raise ValueError("the client asked for an exception")
            self.request.sendall(data)  # lab: sendall
            self.total += len(data)

    def finish(self):
        # Runs after handle(), even if handle() raised.  The server then
        # shuts the connection down and closes it (shutdown_request()).
        log(f"finish   echoed {self.total} bytes")  # lab: finish


class EchoServer(socketserver.TCPServer):
    allow_reuse_address = True   # SO_REUSEADDR: restart without [Errno 98]
    request_queue_size = 5       # the backlog passed to listen() (the default)
    idle_timeout = 5.0           # our own attribute, read by the handler

    def handle_error(self, request, client_address):
        # The default prints a traceback to stderr; keep it to one line.
        log(f"error    from {client_address}: the handler raised; server goes on")  # lab: handle_error


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    args = parser.parse_args()

    # The constructor creates the socket, binds (server_bind) and listens
    # (server_activate).  A "with" block would call server_close() for us;
    # here it is spelled out.
    server = EchoServer(("127.0.0.1", args.port), EchoHandler)
    try:
        print(f"listening on {server.server_address[1]}", flush=True)
        log(f"MRO: {' -> '.join(c.__name__ for c in type(server).__mro__)}")

        worker = threading.Thread(target=server.serve_forever,  # lab: serve_forever
                                  kwargs={"poll_interval": 0.5}, name="serve_forever")
        worker.start()
        try:
            time.sleep(args.duration)
        except KeyboardInterrupt:
            pass
        t = time.monotonic()
        server.shutdown()          # from the main thread, while serve_forever runs
        worker.join()
        log(f"shutdown() returned after {time.monotonic() - t:.2f} s")
    finally:
        server.server_close()  # lab: server_close
    log(f"server_close() done, listening fd is now {server.socket.fileno()}")

if __name__ == "__main__":
    main()
