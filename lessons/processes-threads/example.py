#!/usr/bin/env python3
"""Threads or processes? A timed demo for the lesson "Processes and threads".

Run it with no arguments (it takes about 5 seconds and exits by itself):

    python3 example.py
    python3 example.py --clients 4 --work 0.5

It starts a ThreadingTCPServer and a ForkingTCPServer on 127.0.0.1, each in
a process of its own, and sends each of them --clients requests at once,
in two rounds:

    cpu    the handler counts down in pure Python until it has used --work
           seconds of CPU time: CPU-bound, it needs the GIL the whole time;
    sleep  the handler sleeps --work seconds: it stands for waiting on I/O,
           and a blocked thread does not hold the GIL.

For every round it prints when the first and the last echo came back.
"""

import argparse
import multiprocessing
import os
import signal
import socket
import socketserver
import sys
import threading
import time

MODELS = {
    "threads": socketserver.ThreadingTCPServer,
    "processes": socketserver.ForkingTCPServer,
}


def count_down(n):
    """Pure Python work: the interpreter itself runs every turn of this loop."""
    while n > 0:
        n -= 1


def burn_cpu(seconds):
    """Run count_down() until this thread has used `seconds` of CPU time.

    Counting CPU time (time.thread_time) instead of loop turns keeps the
    amount of work the same on a fast and on a slow or busy machine.
    """
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        count_down(10_000)


class WorkHandler(socketserver.BaseRequestHandler):
    """Reads one request (b"cpu" or b"sleep"), does the work, echoes it."""

    def handle(self):
        data = self.request.recv(64)  # lab: recv
        if data == b"cpu":
            burn_cpu(self.server.work)  # lab: cpu_work
        elif data == b"sleep":
            time.sleep(self.server.work)  # lab: sleep
        self.request.sendall(data)  # lab: sendall


def run_server(model, work, port_pipe):
    """Body of a server process.

    Each server runs in its own process. The ForkingTCPServer then forks
    its children from a process that has only one thread, which is what
    fork() needs to be safe.
    """
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    with MODELS[model](("127.0.0.1", 0), WorkHandler) as server:
        server.work = work
        port_pipe.send(server.server_address[1])
        port_pipe.close()
        server.serve_forever()  # lab: serve_forever


def client(port, request, finished, index):
    """One client: connect, send the request, wait for the echo."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        reply = sock.recv(64)
    if reply != request:
        raise RuntimeError(f"bad echo {reply!r}")
    finished[index] = time.perf_counter()


def run_round(port, request, clients):
    """Start all clients at once; return (first, last) echo time in seconds."""
    finished = [0.0] * clients
    threads = [threading.Thread(target=client, args=(port, request, finished, i))
               for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if not all(finished):
        raise RuntimeError("a client failed, see the traceback above")
    return min(finished) - start, max(finished) - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4, choices=range(1, 9),
                        metavar="1..8", help="requests sent at once (default 4)")
    parser.add_argument("--work", type=float, default=0.5,
                        help="seconds of work per request, 0.1 to 1.0 (default 0.5)")
    args = parser.parse_args()
    args.work = min(max(args.work, 0.1), 1.0)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count()
    print(f"{args.clients} clients at once, {args.work:.2f} s of work each, "
          f"{cores} CPU cores", flush=True)

    # Start both servers before this process creates any thread.
    servers = {}
    for model in MODELS:
        ours, theirs = multiprocessing.Pipe()
        proc = multiprocessing.Process(target=run_server,
                                       args=(model, args.work, theirs))
        proc.start()
        servers[model] = (proc, ours.recv())

    try:
        print(f"{'server':<20}{'work':<7}{'first echo':>12}{'last echo':>12}")
        for request in (b"cpu", b"sleep"):
            for model, (proc, port) in servers.items():
                first, last = run_round(port, request, args.clients)
                name = MODELS[model].__name__
                print(f"{name:<20}{request.decode():<7}"
                      f"{first:>10.2f} s{last:>10.2f} s", flush=True)
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.join(10)

    print(f"cpu:   threads take turns (about {args.clients} x {args.work} s); "
          f"processes share the {cores} cores.")
    print(f"sleep: both about {args.work} s, sleeping threads release the GIL.")


if __name__ == "__main__":
    main()
