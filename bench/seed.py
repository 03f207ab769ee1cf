"""The seed's loops in CPython, against a peer that takes at most 1024 bytes
per send (the same peer as bench/seed.c: it copies what it takes into a
1 KiB sink and counts it; recv_into copies from a 1 KiB source).

    python3 bench/seed.py send-naive BYTES   sent += sock.send(message[sent:])
    python3 bench/seed.py send-view BYTES    view = view[sock.send(view):]
    python3 bench/seed.py recv-view BYTES    view = view[sock.recv_into(view, 1024):]

Prints "seconds S loops N" like bench/seed.c: the time of one whole loop,
averaged over N loops run for at least 0.05 s.
"""
import sys
import time

PEER_MAX = 1024
MIN_SECONDS = 0.05


class Peer:
    def __init__(self):
        self.sink = bytearray(PEER_MAX)
        self.source = bytes(i % 256 for i in range(PEER_MAX))
        self.moved = 0

    def send(self, data):
        k = len(data)
        if k > PEER_MAX:
            k = PEER_MAX
        self.sink[:k] = data[:k]
        self.moved += k
        return k

    def recv_into(self, buffer, nbytes):
        k = len(buffer)
        if nbytes < k:
            k = nbytes
        buffer[:k] = self.source[:k]
        self.moved += k
        return k


def send_naive(sock, message, bufsize):
    sent = 0
    while sent < len(message):
        sent += sock.send(message[sent:])


def send_view(sock, message, bufsize):
    view = memoryview(message)
    while len(view):
        view = view[sock.send(view):]


def recv_view(sock, buffer, bufsize):
    view = memoryview(buffer)
    while len(view):
        view = view[sock.recv_into(view, 1024):]


def main():
    mode, n = sys.argv[1], int(sys.argv[2])
    run = {"send-naive": send_naive, "send-view": send_view, "recv-view": recv_view}[mode]
    # Deterministic bytes (the content does not change the timing).
    data = bytes((i * 131 + 7) & 0xFF for i in range(256)) * (n // 256 + 1)
    data = data[:n]
    target = bytearray(n) if mode == "recv-view" else data
    sock = Peer()
    loops = 0
    start = time.perf_counter()
    while True:
        sock.moved = 0
        run(sock, target, n)
        if sock.moved != n:
            sys.exit("the peer did not see every byte")
        loops += 1
        elapsed = time.perf_counter() - start
        if elapsed >= MIN_SECONDS:
            break
    tail = n % PEER_MAX or PEER_MAX
    if mode == "recv-view":
        ok = target[n - tail:] == sock.source[:tail]
    else:
        ok = sock.sink[:tail] == data[n - tail:]
    if not ok:
        sys.exit("wrong bytes at the peer")
    print("seconds %.9f loops %d" % (elapsed / loops, loops))


if __name__ == "__main__":
    main()
