#!/usr/bin/env python3
"""A UDP echo server with socketserver (lesson "UDP servers: UDPServer and ThreadingUDPServer").

    python3 example.py                       # UDPServer, any free port, 60 s
    python3 example.py --threads --delay 3   # ThreadingUDPServer: a thread per datagram
    nc -u 127.0.0.1 PORT                     # type a line: it comes back; Ctrl-C quits

There is no listen(), no accept() and no connection: every datagram is one
request, and the reply goes back with sendto() to the address it came from.
The server binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socketserver
import threading
import time


class EchoHandler(socketserver.BaseRequestHandler):
    """One instance per datagram."""

    def handle(self):  # lab: handle
        data, sock = self.request      # the datagram (bytes) and the server's socket
        host, port = self.client_address
        print(f"{threading.current_thread().name}: {len(data)} bytes "
              f"from {host}:{port}", flush=True)
        if self.server.delay:
            time.sleep(self.server.delay)  # lab: sleep
        sock.sendto(data, self.client_address)  # lab: sendto


class EchoUDPServer(socketserver.UDPServer):
    allow_reuse_address = True
    # UDPServer reads with recvfrom(max_packet_size) and its default, 8192,
    # silently cuts longer datagrams. 65535 holds any UDP datagram.
    max_packet_size = 65535
    delay = 0.0

    def get_request(self):
        # The same as UDPServer.get_request(): one recvfrom() is one request.
        data, client_address = self.socket.recvfrom(self.max_packet_size)  # lab: recvfrom
        return (data, self.socket), client_address


class ThreadingEchoUDPServer(socketserver.ThreadingMixIn, EchoUDPServer):
    daemon_threads = True    # do not wait for handler threads at exit


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="UDP port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--threads", action="store_true",
                        help="ThreadingUDPServer: one thread per datagram")
    parser.add_argument("--delay", type=float, default=0.0,
                        help="seconds to wait before each echo (default 0)")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def main():
    args = parse_args()
    cls = ThreadingEchoUDPServer if args.threads else EchoUDPServer
    server = cls(("127.0.0.1", args.port), EchoHandler)  # lab: bind
    server.delay = args.delay
    server.timeout = 0.5     # handle_request() waits at most 0.5 s
    print(f"listening on udp {server.server_address[1]}", flush=True)
    kind = "ThreadingUDPServer" if args.threads else "UDPServer"
    print(f"{kind}, max_packet_size={server.max_packet_size}", flush=True)
    deadline = time.monotonic() + args.duration
    try:
        while time.monotonic() < deadline:
            server.handle_request()   # one datagram, or nothing within 0.5 s
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        server.server_close()  # lab: server_close
        print("stopped", flush=True)


if __name__ == "__main__":
    main()
