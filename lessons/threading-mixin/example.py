#!/usr/bin/env python3
"""A ThreadingTCPServer echo server, for the lesson "ThreadingMixIn".

Each connection gets its own thread.  The handler "works" for --delay seconds
(a sleep, like waiting for a database) before it echoes, and the server counts
how many handlers run at the same time:

    python3 example.py                       # any free port, runs 60 s
    python3 example.py --delay 2 --duration 20
    socketlab-cli swarm --port PORT --clients 5 --message hi   # another shell

Five clients at once finish after about one delay, not five.  At the end the
server prints the peak number of handler threads.  Binds to 127.0.0.1 only.
"""

import argparse
import socketserver
import threading
import time

START = time.monotonic()


def log(text):
    print(f"[{time.monotonic() - START:6.2f}s] {threading.current_thread().name:>10}: "
          f"{text}", flush=True)


class SleepEchoHandler(socketserver.BaseRequestHandler):
    def setup(self):
        self.request.settimeout(self.server.idle_timeout)  # lab: setup
        now = self.server.enter()
        log(f"start ({now} running)")  # lab: thread_start

    def handle(self):
        while True:  # lab: handle
            data = self.request.recv(4096)  # lab: recv
            if not data:             # EOF: the client closed, leave the loop
                return
            time.sleep(self.server.delay)  # lab: sleep
            self.request.sendall(data)  # lab: sendall

    def finish(self):
        self.server.leave()  # lab: finish
        log("done")


class CountingServer(socketserver.ThreadingTCPServer):
    # ThreadingTCPServer is "class ThreadingTCPServer(ThreadingMixIn, TCPServer)".
    allow_reuse_address = True
    daemon_threads = False    # the default: exit waits for handler threads
    block_on_close = True     # the default: server_close() joins them
    idle_timeout = 5.0
    delay = 1.0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.running = 0
        self.peak = 0

    def enter(self):
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
            return self.running

    def leave(self):
        with self.lock:
            self.running -= 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--delay", type=float, default=1.0,
                        help="seconds each handler sleeps before the echo")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    args = parser.parse_args()

    CountingServer.delay = args.delay
    server = CountingServer(("127.0.0.1", args.port), SleepEchoHandler)
    try:
        print(f"listening on {server.server_address[1]}", flush=True)
        log("MRO " + " -> ".join(c.__name__ for c in CountingServer.__mro__))
        loop = threading.Thread(target=server.serve_forever,  # lab: serve_forever
                                name="serve")
        loop.start()
        try:
            time.sleep(args.duration)
        except KeyboardInterrupt:
            pass
        server.shutdown()        # stop accepting (from this, another thread)
        loop.join()
    finally:
        server.server_close()  # lab: server_close
    log(f"stopped; at most {server.peak} handler threads ran at the same time")


if __name__ == "__main__":
    main()
