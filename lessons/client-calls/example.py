#!/usr/bin/env python3
"""The client's calls, measured: lesson "Client calls: connect, connect_ex and timeouts".

    python3 example.py            # about 8 seconds, then exits with status 0

Everything happens on 127.0.0.1 inside this one process: a tiny listener
with listen(0) that does not call accept() is enough to make a client wait.
The program shows, with timings:

  1. connect() and connect_ex() to a port where nothing listens (refused at once);
  2. connect_ex() to a listener (0) and the same socket again (EISCONN);
  3. connect() with settimeout() to a full accept queue (TimeoutError);
  4. connect_ex() with settimeout() to the full queue (11, not 110);
  5. a waiting connect() that gets in at the kernel's next SYN retry;
  6. the kernel giving up by itself (TCP_SYNCNT = 1: ETIMEDOUT, errno 110).
"""

import errno
import socket
import threading
import time


def name(err):
    """'111 ECONNREFUSED' for an errno number, '0 (success)' for 0."""
    return f"{err} {errno.errorcode.get(err, '(success)')}"


def closed_port():
    """A port on 127.0.0.1 where nothing listens right now."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def full_listener():
    """A listener whose accept queue is full: listen(0) holds one connection."""
    srv = socket.socket()  # lab: socket
    srv.bind(("127.0.0.1", 0))  # lab: bind
    srv.listen(0)  # lab: listen
    first = socket.create_connection(srv.getsockname())   # takes the one place
    return srv, first


def step1_refused():
    print("1. nothing listens on the port", flush=True)
    port = closed_port()
    c = socket.socket()
    t = time.perf_counter()
    err = c.connect_ex(("127.0.0.1", port))  # lab: connect_ex
    print(f"   connect_ex() -> {name(err)} after "
          f"{(time.perf_counter() - t) * 1000:.2f} ms", flush=True)
    c.close()
    c = socket.socket()
    try:
        c.connect(("127.0.0.1", port))  # lab: connect
    except ConnectionRefusedError as exc:
        print(f"   connect()    -> raises {type(exc).__name__}: {exc}", flush=True)
    c.close()


def step2_success():
    print("2. a listener is there", flush=True)
    srv = socket.create_server(("127.0.0.1", 0))
    c = socket.socket()
    print(f"   connect_ex() -> {name(c.connect_ex(srv.getsockname()))}", flush=True)
    print(f"   again        -> {name(c.connect_ex(srv.getsockname()))}", flush=True)
    c.close()
    srv.close()


def step3_4_timeout():
    print("3./4. the accept queue is full, settimeout(1.0) before connecting",
          flush=True)
    srv, first = full_listener()
    late = socket.socket()
    late.settimeout(1.0)  # lab: settimeout
    t = time.monotonic()
    try:
        late.connect(srv.getsockname())  # lab: connect
    except TimeoutError as exc:
        print(f"   connect()    -> raises {exc!r} after "
              f"{time.monotonic() - t:.2f} s", flush=True)
    late.close()
    late = socket.socket()
    late.settimeout(1.0)  # lab: settimeout
    t = time.monotonic()
    err = late.connect_ex(srv.getsockname())  # lab: connect_ex
    print(f"   connect_ex() -> {name(err)} after {time.monotonic() - t:.2f} s",
          flush=True)
    late.close()
    first.close()
    srv.close()


def step5_retry():
    print("5. the queue is full; the server calls accept() after 1.5 s", flush=True)
    srv, first = full_listener()
    accepted = []
    timer = threading.Timer(1.5, lambda: accepted.append(srv.accept()))
    late = socket.socket()
    late.settimeout(5.0)  # lab: settimeout
    t = time.monotonic()
    timer.start()
    late.connect(srv.getsockname())  # lab: connect
    print(f"   connect() returned after {time.monotonic() - t:.2f} s: room at 1.5 s, "
          f"but our SYN was only resent at about 2 s", flush=True)
    timer.join()
    for conn, _ in accepted:
        conn.close()
    for s in (late, first, srv):
        s.close()


def step6_kernel_gives_up():
    print("6. no timeout, but TCP_SYNCNT = 1: the kernel gives up itself", flush=True)
    srv, first = full_listener()
    late = socket.socket()
    late.setsockopt(socket.IPPROTO_TCP, socket.TCP_SYNCNT, 1)
    t = time.monotonic()
    try:
        late.connect(srv.getsockname())  # lab: connect
    except TimeoutError as exc:
        print(f"   connect()    -> raises {exc!r} after "
              f"{time.monotonic() - t:.2f} s", flush=True)
    for s in (late, first, srv):
        s.close()


def main():
    start = time.monotonic()
    step1_refused()
    step2_success()
    step3_4_timeout()
    step5_retry()
    step6_kernel_gives_up()
    print(f"done in {time.monotonic() - start:.1f} s", flush=True)


if __name__ == "__main__":
    main()
