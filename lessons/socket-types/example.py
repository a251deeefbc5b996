#!/usr/bin/env python3
"""Message boundaries on each socket type (lesson "Socket types").

Run it with no arguments; it finishes within a second and exits 0:

    python3 example.py

Every part sends the same two messages, b"hello " and b"world", and shows
what the receiver gets:

    SOCK_STREAM     TCP on 127.0.0.1: the two sends can arrive as one recv()
    SOCK_DGRAM      UDP on 127.0.0.1: two datagrams, two recvfrom() calls
    SOCK_SEQPACKET  AF_UNIX socketpair: a connection that keeps boundaries
    framing         how a TCP protocol marks where each message ends
    SOCK_RAW        needs CAP_NET_RAW: the error an ordinary user gets
    SOCK_RDM        exists on Linux only for AF_TIPC

Nothing leaves the machine: only 127.0.0.1 and a socketpair are used.
"""

import socket
import struct
import time

MESSAGES = [b"hello ", b"world"]


def stream_demo():
    print("SOCK_STREAM (TCP):")
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # lab: socket
    srv.bind(("127.0.0.1", 0))  # lab: bind
    srv.listen()  # lab: listen
    cli = socket.create_connection(srv.getsockname())  # lab: connect
    conn, _ = srv.accept()  # lab: accept
    for m in MESSAGES:
        cli.sendall(m)  # lab: sendall
    time.sleep(0.1)                 # let both sends arrive before we read
    print("  one recv(1024):", conn.recv(1024))  # lab: recv
    cli.sendall(b"0123456789")  # lab: sendall
    time.sleep(0.1)
    print("  recv(4), recv(4), recv(4):",
          conn.recv(4), conn.recv(4), conn.recv(4))  # lab: recv
    for s in (cli, conn, srv):
        s.close()  # lab: close


def dgram_demo():
    print("SOCK_DGRAM (UDP):")
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # lab: socket
    receiver.bind(("127.0.0.1", 0))  # lab: bind
    receiver.settimeout(1.0)  # lab: settimeout
    sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # lab: socket
    for m in MESSAGES:
        sender.sendto(m, receiver.getsockname())  # lab: sendto
    time.sleep(0.1)
    print("  first recvfrom(1024): ", receiver.recvfrom(1024)[0])  # lab: recvfrom
    print("  second recvfrom(1024):", receiver.recvfrom(1024)[0])  # lab: recvfrom
    # A buffer smaller than the datagram: the rest is discarded, silently.
    sender.sendto(b"0123456789", receiver.getsockname())  # lab: sendto
    print("  recv(4) of a 10-byte datagram:", receiver.recv(4))  # lab: recv
    # An empty datagram is a real message, not end of file.
    sender.sendto(b"", receiver.getsockname())  # lab: sendto
    print("  an empty datagram:", receiver.recvfrom(1024))  # lab: recvfrom
    sender.close()  # lab: close
    receiver.close()  # lab: close


def seqpacket_demo():
    print("SOCK_SEQPACKET (AF_UNIX):")
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    for m in MESSAGES:
        a.send(m)  # lab: send
    print("  two recv(1024):", b.recv(1024), b.recv(1024))  # lab: recv
    a.close()  # lab: close
    print("  after the peer closed:", b.recv(1024))  # lab: recv
    b.close()  # lab: close


def send_message(sock, payload):
    """Length-prefixed framing: 4 bytes of length, then the payload."""
    sock.sendall(struct.pack("!I", len(payload)) + payload)  # lab: sendall


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))  # lab: recv
        if not chunk:
            raise ConnectionError("peer closed in the middle of a message")
        data += chunk
    return data


def recv_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)


def framing_demo():
    print("framing on SOCK_STREAM:")
    a, b = socket.socketpair()      # AF_UNIX, SOCK_STREAM: a byte stream
    for m in MESSAGES:
        send_message(a, m)
    time.sleep(0.1)
    print("  two messages back:", recv_message(b), recv_message(b))
    a.close()  # lab: close
    b.close()  # lab: close


def raw_and_rdm_demo():
    print("SOCK_RAW and SOCK_RDM:")
    try:
        raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    except PermissionError as exc:
        print("  SOCK_RAW:", repr(exc), "(needs root or CAP_NET_RAW)")
    else:
        print("  SOCK_RAW: created, so this process has CAP_NET_RAW")
        raw.close()
    try:
        socket.socket(socket.AF_INET, socket.SOCK_RDM)
    except OSError as exc:
        print("  SOCK_RDM on AF_INET:", repr(exc))


def main():
    stream_demo()
    dgram_demo()
    seqpacket_demo()
    framing_demo()
    raw_and_rdm_demo()


if __name__ == "__main__":
    main()
