#!/usr/bin/env python3
"""interop.py PEER — memview's I/O loops against CPython's socket module.

PEER is the C program tests/io_peer.c.  Each case listens on 127.0.0.1,
starts PEER as a subprocess that connects, and moves bytes between the
two over TCP loopback with small socket buffers:

  - CPython's socket.sendall (and the seed's send loop over a memoryview)
    sending to mv_recv_all and to the seed's mv_recv_into loop;
  - mv_send_all, mv_sendv_all and a non-blocking mv_send_all sending to the
    seed's receive loop, `view = view[sock.recv_into(view, 1024):]`.

Both sides compute a CRC-32 of the bytes (zlib here, a table in C); the
bytes the C side sends are also generated again here (splitmix64) and
compared byte for byte.  Every socket has a timeout and the peer a
watchdog, so nothing can hang.  The last line is "N passed, N failed".
"""

import random
import socket
import subprocess
import sys
import time
import zlib

SMALL_BUF = 8192
TIMEOUT = 60
MASK = (1 << 64) - 1


def splitmix_bytes(seed, n):
    """The bytes io_peer sends: splitmix64 words, little-endian."""
    out = bytearray()
    state = seed & MASK
    for _ in range((n + 7) // 8):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out += z.to_bytes(8, "little")
    return bytes(out[:n])


def recv_into_loop(sock, n, chunk, pause_every=0):
    """The seed's loop.  CPython's recv_into refuses nbytes > len(view)
    ("buffer too small for requested bytes"), so the last calls ask for
    what is left; an early end of the stream is an error, not a hang."""
    buf = bytearray(n)
    view = memoryview(buf)
    calls = 0
    while len(view):
        got = sock.recv_into(view, min(chunk, len(view)))
        if got == 0:
            raise EOFError("stream ended after %d of %d bytes" % (n - len(view), n))
        view = view[got:]
        calls += 1
        if pause_every and calls % pause_every == 0:
            time.sleep(0.002)  # let the sender find the socket full
    return bytes(buf)


def seed_send_loop(sock, message):
    """The seed's send loop, on a memoryview (no copies)."""
    view = memoryview(message)
    sent = 0
    while sent < len(message):
        sent += sock.send(view[sent:])


def listener():
    lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SMALL_BUF)
    lst.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SMALL_BUF)
    lst.bind(("127.0.0.1", 0))
    lst.listen(1)
    lst.settimeout(TIMEOUT)
    return lst


def run_case(peer, args, python_side):
    """Starts PEER with args (the port first), accepts its connection,
    runs python_side(sock) and returns (its result, the peer's stdout)."""
    lst = listener()
    port = lst.getsockname()[1]
    proc = subprocess.Popen([peer, args[0], str(port)] + [str(a) for a in args[1:]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        sock, _ = lst.accept()
        sock.settimeout(TIMEOUT)
        with sock:
            result = python_side(sock)
        out, err = proc.communicate(timeout=TIMEOUT)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        lst.close()
    if proc.returncode != 0:
        raise RuntimeError("io_peer exited with %d: %s %s" % (proc.returncode, out.strip(), err.strip()))
    return result, out.strip().splitlines()[-1], err.strip()


def expect_line(line, verb, n, crc):
    want = "%s %d crc32 %08x" % (verb, n, crc)
    if line != want:
        raise AssertionError("io_peer said %r, CPython computed %r" % (line, want))


def case_python_sends(peer, n, chunk, how, use_seed_loop=False):
    message = random.Random(n * 31 + chunk).randbytes(n)

    def side(sock):
        if use_seed_loop:
            seed_send_loop(sock, message)
        else:
            sock.sendall(message)
        sock.shutdown(socket.SHUT_WR)
        # Wait for the peer to finish reading and close.
        return sock.recv(1)

    tail, line, _ = run_case(peer, ["recv", n, chunk, how], side)
    if tail != b"":
        raise AssertionError("io_peer sent bytes back")
    expect_line(line, "received", n, zlib.crc32(message))
    return "%d bytes, crc32 %08x" % (n, zlib.crc32(message))


def case_c_sends(peer, n, seed, how, pause_every=0):
    def side(sock):
        data = recv_into_loop(sock, n, 1024, pause_every)
        if sock.recv(1) != b"":
            raise AssertionError("more bytes than announced")
        return data

    data, line, err = run_case(peer, ["send", n, seed, how], side)
    crc = zlib.crc32(data)
    expect_line(line, "sent", n, crc)
    want = splitmix_bytes(seed, n)
    if data != want:
        at = next(i for i in range(n) if data[i] != want[i])
        raise AssertionError("bytes differ first at %d" % at)
    return "%d bytes, crc32 %08x%s" % (n, crc, ("; " + err.replace("io_peer: ", "")) if err else "")


def main():
    if len(sys.argv) != 2:
        print("usage: interop.py PEER", file=sys.stderr)
        return 2
    peer = sys.argv[1]
    cases = [
        ("socket.sendall -> mv_recv_all(chunk 1024)",
         lambda: case_python_sends(peer, 8 << 20, 1024, "all")),
        ("socket.sendall -> mv_recv_all(chunk 0)",
         lambda: case_python_sends(peer, 8 << 20, 0, "all")),
        ("socket.sendall -> mv_recv_into loop (1024)",
         lambda: case_python_sends(peer, 8 << 20, 1024, "into")),
        ("socket.sendall -> mv_recv_into loop (7)",
         lambda: case_python_sends(peer, 300001, 7, "into")),
        ("socket.sendall -> mv_recvv_all (readv)",
         lambda: case_python_sends(peer, 8 << 20, 5, "recvv")),
        ("seed send loop -> mv_recv_all(chunk 4096)",
         lambda: case_python_sends(peer, 4 << 20, 4096, "all", use_seed_loop=True)),
        ("mv_send_all -> seed recv_into loop",
         lambda: case_c_sends(peer, 4 << 20, 1, "all")),
        ("mv_sendv_all -> seed recv_into loop",
         lambda: case_c_sends(peer, 4 << 20, 2, "sendv")),
        ("non-blocking mv_send_all -> seed recv_into loop",
         lambda: case_c_sends(peer, (2 << 20) + 5, 3, "nonblock", pause_every=64)),
    ]
    passed = failed = 0
    for name, fn in cases:
        start = time.monotonic()
        try:
            what = fn()
        except Exception as e:  # every failure is reported, then the next case runs
            failed += 1
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
        else:
            passed += 1
            print("PASS %s (%s; %.1fs)" % (name, what, time.monotonic() - start))
    print("info: CPython %s" % sys.version.split()[0])
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
