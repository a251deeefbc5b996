#!/usr/bin/env python3
"""A ForkingTCPServer echo server (lesson "ForkingMixIn: one process per connection").

    python3 example.py                        # any free port, stops after 60 s
    python3 example.py --port 5008 --delay 5  # each echo waits 5 s: time to look
    ps -o pid,ppid,stat,cmd --ppid PARENT_PID # the children (and any zombies)

Every connection is served by a new child process made with os.fork().
The server prints the PID of each child, and each child it reaps.
Unix only: on Windows socketserver has no ForkingTCPServer.
The server binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import os
import socketserver
import time


class EchoHandler(socketserver.BaseRequestHandler):
    """Runs in the child process, one child per connection."""

    def handle(self):  # lab: handle
        print(f"child {os.getpid()} (parent {os.getppid()}) serves "
              f"{self.client_address[0]}:{self.client_address[1]}", flush=True)
        # The child must not outlive the server: never wait past its deadline.
        left = max(0.1, self.server.deadline - time.monotonic())
        self.request.settimeout(left)  # lab: settimeout
        while True:
            try:
                data = self.request.recv(4096)  # lab: recv
            except TimeoutError:
                break
            if not data:                 # b"": the client closed its side
                break
            if self.server.delay:
                time.sleep(self.server.delay)  # lab: sleep
            self.request.sendall(data)  # lab: sendall
        # Returning ends the child: socketserver calls shutdown_request()
        # and then os._exit(0).


class EchoServer(socketserver.ForkingTCPServer):
    allow_reuse_address = True
    deadline = 0.0      # set in main(); children inherit it through fork()
    delay = 0.0

    def process_request(self, request, client_address):
        # ForkingMixIn.process_request(): fork; the parent records the PID
        # and closes its own copy of the connection.
        super().process_request(request, client_address)  # lab: fork

    def collect_children(self, *, blocking=False):
        # ForkingMixIn.collect_children(): waitpid() each child, WNOHANG
        # unless blocking.  Print whom it reaped.
        before = set(self.active_children or ())
        super().collect_children(blocking=blocking)  # lab: waitpid
        for pid in sorted(before - set(self.active_children or ())):
            print(f"parent {os.getpid()} reaped child {pid}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="TCP port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--delay", type=float, default=0.0,
                        help="seconds each child sleeps before an echo (default 0)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def main():
    args = parse_args()
    server = EchoServer(("127.0.0.1", args.port), EchoHandler)  # lab: listen
    server.deadline = time.monotonic() + args.duration
    server.delay = args.delay
    server.timeout = 0.5     # handle_request() waits at most 0.5 s
    print(f"listening on {server.server_address[1]}", flush=True)
    print(f"parent PID {os.getpid()}, max_children={server.max_children}",
          flush=True)
    try:
        # What serve_forever() does, in the main thread and with an end:
        # wait for one connection (fork a child for it), then reap.
        while time.monotonic() < server.deadline:
            server.handle_request()  # lab: accept
            server.service_actions()   # ForkingMixIn: collect_children()
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        # block_on_close is True: wait for every child, then reap it.
        server.server_close()  # lab: server_close
        print("stopped", flush=True)


if __name__ == "__main__":
    main()
