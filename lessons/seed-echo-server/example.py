#!/usr/bin/env python3
"""The handout's threaded echo server, fixed (lesson "The handout's echo server, line by line").

    python3 example.py                      # any free port, stops after 60 s
    python3 example.py --port 5007 --duration 120
    printf 'hello\\n' | nc -N 127.0.0.1 5007   # prints hello and exits

Compared with the handout's version, the handler
  * prints "NEW" once per connection, not on every pass of the loop,
  * leaves its loop when recv() returns b"" (the client closed its side),
  * replies with sendall(), which sends every byte, not send(),
  * decodes only for printing, with errors="replace" (a chunk may end
    in the middle of a UTF-8 character).
The server binds to 127.0.0.1 only and stops by itself after --duration seconds.
"""

import argparse
import socketserver
import threading


class EchoHandler(socketserver.BaseRequestHandler):
    """One instance per connection; handle() runs in that connection's thread."""

    def handle(self):  # lab: handle
        print("NEW:", self.client_address, flush=True)   # once per connection
        while True:
            data = self.request.recv(1024)  # lab: recv
            if not data:        # b"": the client closed its side (EOF)
                break
            # A chunk may end inside a UTF-8 character: never let decode() raise.
            print("client:", data.decode("utf-8", errors="replace"), flush=True)
            self.request.sendall(data)  # lab: sendall
        print("BYE:", self.client_address, flush=True)


class EchoServer(socketserver.ThreadingTCPServer):
    daemon_threads = True        # a handler thread must not keep the process alive
    allow_reuse_address = True   # restart at once on the same --port


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0,
                        help="TCP port on 127.0.0.1, 0 = any free port")
    parser.add_argument("--duration", type=float, default=60.0,
                        help="stop after this many seconds (default 60)")
    return parser.parse_args()


def main():
    args = parse_args()
    server = EchoServer(("127.0.0.1", args.port), EchoHandler)  # lab: listen
    print(f"listening on {server.server_address[1]}", flush=True)
    # serve_forever() runs in a thread so that the main thread can stop it.
    loop = threading.Thread(target=server.serve_forever)  # lab: serve_forever
    loop.start()
    try:
        loop.join(timeout=args.duration)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    finally:
        server.shutdown()        # ends serve_forever(), waits for the loop
        loop.join()
        server.server_close()  # lab: server_close
        print("stopped", flush=True)


if __name__ == "__main__":
    main()
