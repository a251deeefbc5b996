#!/usr/bin/env python3
"""Errata checks: run the handout's claims against this machine.

    python3 example.py

Every check prints one line: what the handout says, what this machine
does, and "agrees" when the correction holds here. Everything runs on
127.0.0.1 or on Unix socket pairs and finishes in a few seconds. The exit
status is 0 when every correction holds, 1 otherwise.
"""

import errno
import importlib
import socket
import socketserver
import tempfile
import threading
import time

results = []


def check(topic, handout, seen, ok):
    results.append(ok)
    mark = "agrees" if ok else "DIFFERENT"
    print(f"[{mark}] {topic}\n    handout: {handout}\n    here:    {seen}",
          flush=True)


def loopback_listener(backlog=5):
    srv = socket.socket()  # lab: socket
    srv.bind(("127.0.0.1", 0))  # lab: bind
    srv.listen(backlog)  # lab: listen
    return srv


def io_bound_threads():
    """Four threads each wait 0.3 s in recv(): do they wait one after another?"""
    pairs = [socket.socketpair() for _ in range(4)]

    def wait(sock):
        sock.settimeout(0.3)  # lab: settimeout
        try:
            sock.recv(10)  # lab: recv
        except TimeoutError:
            pass

    start = time.monotonic()
    threads = [threading.Thread(target=wait, args=(a,)) for a, _ in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - start
    for a, b in pairs:
        a.close()
        b.close()
    check("I/O-bound work: threads",
          "IO密集型的用进程 (use processes)",
          f"4 threads blocked in recv() for 0.3 s each took {took:.2f} s in total",
          took < 0.9)


def families_and_types():
    s = socket.socket()
    check("default family and type",
          "创建socket必须指定 (must be given)",
          f"socket.socket() -> {s.family.name}, {s.type.name}",
          s.family == socket.AF_INET and s.type == socket.SOCK_STREAM)
    s.close()

    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    a.send(b"one")
    a.send(b"two")
    got = [b.recv(100), b.recv(100)]
    a.close()
    b.close()
    check("SOCK_SEQPACKET",
          "废弃了 (obsolete)",
          f"AF_UNIX SOCK_SEQPACKET pair: two sends -> two recvs {got}",
          got == [b"one", b"two"])

    try:
        socket.socket(socket.AF_INET, socket.SOCK_RDM).close()
        seen, ok = "AF_INET accepted SOCK_RDM", False
    except OSError as e:
        seen, ok = f"AF_INET + SOCK_RDM -> {e}", e.errno == errno.ESOCKTNOSUPPORT
    check("SOCK_RDM", "可靠的UDP形式 (a reliable UDP)", seen, ok)

    check("SOCK_RAM", "SOCK_RAM用来提供对原始协议的低级访问",
          f"hasattr(socket, 'SOCK_RAM') -> {hasattr(socket, 'SOCK_RAM')}",
          not hasattr(socket, "SOCK_RAM"))


def connect_errors():
    srv = loopback_listener()
    port = srv.getsockname()[1]
    srv.close()  # nobody listens on this port any more
    c = socket.socket()
    code = c.connect_ex(("127.0.0.1", port))  # lab: connect_ex
    c.close()
    check("connect_ex() on a closed port",
          "连接失败时候返回编码,例如:10061",
          f"returned {code} ({errno.errorcode.get(code)}); 10061 is Windows",
          code == errno.ECONNREFUSED == 111)

    c = socket.socket()
    try:
        c.connect(("127.0.0.1", port))  # lab: connect
        seen, ok = "connected?", False
    except OSError as e:
        seen = f"raised {type(e).__name__}: {e}; socket.error is OSError: {socket.error is OSError}"
        ok = isinstance(e, ConnectionRefusedError)
    c.close()
    check("connect() failure", "返回socket.error错误 (returns an error)", seen, ok)


def backlog_does_not_refuse():
    srv = loopback_listener(backlog=2)  # and no accept() at all
    port = srv.getsockname()[1]
    clients = []
    codes = []
    for _ in range(6):
        c = socket.socket()
        c.setblocking(False)  # lab: setblocking
        codes.append(c.connect_ex(("127.0.0.1", port)))  # lab: connect_ex
        clients.append(c)
    time.sleep(0.3)
    states = [c.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0] for c in clients]
    names = {1: "ESTABLISHED", 2: "SYN_SENT"}
    summary = ", ".join(f"{states.count(k)} {v}" for k, v in names.items())
    refused = sum(1 for c in clients
                  if c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == errno.ECONNREFUSED)
    for c in clients:
        c.close()
    srv.close()
    check("listen(2), 6 clients, no accept()",
          "backlog指定在拒绝连接之前,可以挂起的最大连接数量",
          f"{summary}, {refused} refused (connect_ex gave {set(codes)})",
          refused == 0 and states.count(1) == 3)


def moving_data():
    a, b = socket.socketpair()
    a.sendall(b"hi")  # lab: sendall
    data = b.recv(1024)  # lab: recv
    check("recv() result", "数据以字符串形式返回 (returns a string)",
          f"recv() -> {data!r}, type {type(data).__name__}", type(data) is bytes)

    try:
        a.send("hi")  # lab: send
        seen, ok = "str accepted", False
    except TypeError as e:
        seen, ok = f"send('hi') -> TypeError: {e}", True
    check("send(string)", "sk.send(string[,flag])", seen, ok)

    a.close()
    eof = [b.recv(1024) for _ in range(3)]  # lab: recv
    b.close()
    check("recv() after the peer closed",
          "(the threaded example keeps looping)",
          f"three recv() calls -> {eof}: b'' at once, every time", eof == [b""] * 3)

    srv = loopback_listener()
    a = socket.create_connection(srv.getsockname())  # lab: connect
    b, _ = srv.accept()  # lab: accept
    size = 8_000_000
    a.settimeout(5)  # lab: settimeout
    first = a.send(b"x" * size)  # lab: send
    got = []

    def reader():
        while sum(got) < first + size:
            got.append(len(b.recv(1 << 20)))  # lab: recv

    t = threading.Thread(target=reader)
    t.start()
    ret = a.sendall(b"x" * size)  # lab: sendall
    t.join()
    check("send() vs sendall()",
          "sendall: 内部通过递归调用send",
          f"send() took {first} of {size} bytes; sendall() returned {ret} "
          f"after all {size} arrived",
          first < size and ret is None)

    with tempfile.TemporaryFile() as f:
        f.write(b"y" * 100_000)
        f.flush()
        f.seek(0)
        sent = a.sendfile(f)
    check("sendfile()", "socket.sendfile(...) 并无什么卵用",
          f"module function: {hasattr(socket, 'sendfile')}; "
          f"method a.sendfile(file) sent {sent} bytes (os.sendfile, zero-copy)",
          sent == 100_000 and not hasattr(socket, "sendfile"))
    for s in (a, b, srv):
        s.close()

    chunk = ("你好" * 200).encode()[:1024]
    try:
        chunk.decode()
        seen, ok = "decoded", False
    except UnicodeDecodeError as e:
        seen, ok = f"decode() of the first 1024 bytes -> {e}", True
    check("decode() each recv(1024) chunk", "Server_recv.decode()", seen, ok)


def socketserver_facts():
    try:
        importlib.import_module("SocketServer")
        seen, ok = "imported", False
    except ImportError as e:
        seen, ok = f"import SocketServer -> {type(e).__name__}: {e}", True
    check("module name", "SocketServer", seen, ok)

    check("TCPServer and threads",
          "SocketServer (每一个连接过来都创建一个线程)",
          "TCPServer.process_request is BaseServer's (no thread): "
          f"{socketserver.TCPServer.process_request is socketserver.BaseServer.process_request}",
          socketserver.TCPServer.process_request is socketserver.BaseServer.process_request)

    kinds = []

    class Udp(socketserver.BaseRequestHandler):
        def handle(self):  # lab: handle
            data, sock = self.request
            kinds.append(type(data).__name__)
            sock.sendto(data, self.client_address)  # lab: sendto

    with socketserver.UDPServer(("127.0.0.1", 0), Udp) as srv:
        t = threading.Thread(target=srv.handle_request)
        t.start()
        c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        c.settimeout(5)
        c.sendto(b"ping", srv.server_address)  # lab: sendto
        echo, _ = c.recvfrom(100)  # lab: recvfrom
        c.close()
        t.join()
    check("UDP self.request", "a pair of string and socket",
          f"self.request[0] is {kinds[0]}, echo {echo!r}", kinds == ["bytes"])


class SeedLoop(socketserver.BaseRequestHandler):
    """The handout's handler, plus a cap (ours) so the demo can stop."""

    cap = 1000
    empty = 0

    def handle(self):  # lab: handle
        while True:
            data = self.request.recv(1024)  # lab: recv
            self.request.send(data)  # lab: send
            if not data:  # not in the handout: count, and stop at the cap
                SeedLoop.empty += 1
                if SeedLoop.empty >= self.cap:
                    return


def seed_loop():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), SeedLoop) as srv:
        t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1})
        t.start()  # lab: thread_start
        c = socket.create_connection(srv.server_address)  # lab: connect
        c.sendall(b"hello")  # lab: sendall
        echo = c.recv(100)  # lab: recv
        c.close()  # lab: close
        start = time.monotonic()
        while SeedLoop.empty < SeedLoop.cap and time.monotonic() - start < 5:
            time.sleep(0.01)
        took = time.monotonic() - start
        srv.shutdown()
        t.join()
    check("the threaded example after the client closes",
          "while True: ... recv(1024) ... send()",
          f"echo {echo!r}, then {SeedLoop.empty} empty recv() calls in {took:.3f} s "
          "(stopped only by our cap)",
          SeedLoop.empty >= SeedLoop.cap)


def main():
    io_bound_threads()
    families_and_types()
    connect_errors()
    backlog_does_not_refuse()
    moving_data()
    socketserver_facts()
    seed_loop()
    print(f"{sum(results)} of {len(results)} corrections hold on this machine")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
