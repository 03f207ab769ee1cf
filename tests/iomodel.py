"""The reference model of memview's I/O loops over the simulated socket,
and the text of I/O cases (corpus/vectors/README.md, "I/O cases").

Written from the documentation alone: memview_sim.h says what each script
byte makes one transport call do, memview/io.h what mv_send_all,
mv_sendv_all, mv_recv_into, mv_recv_all and mv_recvv_all make of the calls'
answers.  CPython's memoryview cuts the views (the chains of the view
cases, through mvmodel) and decides what a released, read-only or
non-contiguous view is; the bytes a send takes are view.tobytes(), the
bytes a receive brings are written through the view into the base.

errno values are Linux's, the numbers the C library sees: a scripted error
is a raw errno byte, and its number decides whether a loop retries it
(EINTR), reports MV_EAGAIN (EAGAIN, which is also EWOULDBLOCK) or MV_ESYS.

Standard library only.
"""

import mvmodel as M

# ------------------------------------------------------------ constants

# Linux errno numbers (asm-generic/errno-base.h, errno.h).
EINTR, EIO, EAGAIN, ENOSPC, EPIPE, EOVERFLOW = 4, 5, 11, 28, 32, 75

# The script bytes of memview_sim.h.
SIM_ALL, SIM_EINTR, SIM_EAGAIN, SIM_ERROR, SIM_CLOSE, SIM_CLAIM, SIM_MANY = range(0xE0, 0xE7)

# memview/io.h: consecutive EINTR failures retried before MV_ESYS.
EINTR_RETRIES = 1000000

# The line format's limits (README.md): few enough views that every
# vectored call takes all of them (POSIX guarantees IOV_MAX >= 16), few
# enough rounds to read.
MAX_VIEWS = 16
MAX_ROUNDS = 8

IO_OPS = {"send_all": "", "sendv_all": "", "recv_into": "z", "recv_all": "z", "recvv_all": ""}
SENDS = ("send_all", "sendv_all")
VECTORED = ("sendv_all", "recvv_all")
TRANSPORTS = ("vec", "plain")


# ------------------------------------------------------ the simulated socket

class Sim:
    """memview_sim.h's simulator: a script, the peer's room for what is
    sent (cap bytes), the input it serves.  Each call returns
    ("moved", n) with 0 <= n <= asked, ("claimed", asked + 1), or
    ("failed", errno)."""

    def __init__(self, script, cap, data):
        self.script, self.pos = bytes(script), 0
        self.cap, self.peer = cap, bytearray()
        self.input, self.served = bytes(data), 0
        self.calls = 0

    def _byte(self):
        """The next script byte; a script that ends inside an instruction
        reads the missing bytes as 0, and a used-up one answers None."""
        if self.pos >= len(self.script):
            return None
        self.pos += 1
        return self.script[self.pos - 1]

    def _outcome(self, asked, sending):
        self.calls += 1
        op = self._byte()
        count = asked  # MV_SIM_ALL, 0xE7 and up, or no script left
        if op == SIM_EINTR:
            return ("failed", EINTR)
        if op == SIM_EAGAIN:
            return ("failed", EAGAIN)
        if op == SIM_ERROR:
            e = self._byte()
            return ("failed", e if e else EIO)
        if op == SIM_CLOSE:
            return ("failed", EPIPE) if sending else ("moved", 0)
        if op == SIM_CLAIM:
            if asked + 1 > M.PTRDIFF_MAX:
                return ("failed", EOVERFLOW)
            return ("claimed", asked + 1)
        if op == SIM_MANY:
            high, low = self._byte() or 0, self._byte() or 0
            count = high * 256 + low
        elif op is not None and op < SIM_ALL:
            count = op
        want = min(count, asked)
        room = self.cap - len(self.peer) if sending else len(self.input) - self.served
        if want > room:
            if room == 0:
                return ("failed", ENOSPC) if sending else ("moved", 0)
            want = room
        return ("moved", want)

    def send(self, data):
        """send or sendv of data (the pieces' bytes joined)."""
        kind, n = self._outcome(len(data), True)
        if kind == "moved":
            self.peer += data[:n]
        return kind, n

    def recv(self, asked):
        """recv or recvv of asked bytes: the answer and the bytes served."""
        kind, n = self._outcome(asked, False)
        if kind != "moved":
            return kind, n, b""
        got = self.input[self.served:self.served + n]
        self.served += n
        return kind, n, got


# ---------------------------------------------------------------- loops

def once(call, asked, sending):
    """One transport answer as memview/io.h reads it, EINTR retried:
    (status, n, errno, the bytes a receive brought)."""
    for _ in range(EINTR_RETRIES + 1):
        kind, n, *got = call()
        if kind == "failed" and n == EINTR:
            continue
        if kind == "failed":
            return ("EAGAIN" if n == EAGAIN else "ESYS"), 0, n, b""
        if n > asked:
            return "EINVAL", 0, 0, b""     # an over-claim: never counted
        if n == 0 and sending:
            return "ECLOSED", 0, 0, b""    # accepted nothing of a non-empty send
        return "OK", n, 0, got[0] if got else b""
    return "ESYS", 0, EINTR, b""           # interrupted past the bound


def contiguous(m):
    """memview's rule (mv_contiguous): at most one item, or stride 1.
    CPython's memoryview.contiguous agrees but for an empty view of
    another stride, which it calls not contiguous."""
    return len(m) <= 1 or m.strides[0] == 1


def refusal(views, writing):
    """The checks every loop makes before its first call, in memview's
    order over all the views: released, read-only (receiving), not
    contiguous."""
    if any(M.released(m) for m in views):
        return "ERELEASED"
    if writing and any(m.readonly for m in views):
        return "EREADONLY"
    if any(not contiguous(m) for m in views):
        return "ENOTCONTIG"
    return None


def send_all(sim, views, vectored):
    """mv_send_all (one view, vectored irrelevant) and mv_sendv_all: every
    byte of the views in order.  A vectored call is given all the bytes
    left (at most 16 views: all of them fit in one call); without sendv,
    view by view with mv_send_all's loop."""
    bad = refusal(views, False)
    if bad:
        return bad, 0, 0
    pieces = [m.tobytes() for m in views]
    groups = [b"".join(pieces)] if vectored else pieces
    done = 0
    for data in groups:
        sent = 0
        while sent < len(data):
            status, n, err, _ = once(lambda: sim.send(data[sent:]), len(data) - sent, True)
            if status != "OK":
                return status, done + sent, err
            sent += n
        done += sent
    return "OK", done, 0


def recv_into(sim, m, nbytes):
    """mv_recv_into: one receive of nbytes (0: the whole view)."""
    bad = refusal([m], True)
    if bad:
        return bad, 0, 0
    if nbytes > len(m):
        return "ERANGE", 0, 0
    want = nbytes or len(m)
    if want == 0:
        return "OK", 0, 0                  # an empty request makes no call
    status, n, err, got = once(lambda: sim.recv(want), want, False)
    m[:n] = got
    return status, n, err


def fill(sim, targets, chunk):
    """Fills the memoryviews of targets in order, one after another, with
    receives of at most chunk bytes (0: no limit) each asking for all the
    room left in targets; the end of the stream first is ECLOSED."""
    total = sum(len(m) for m in targets)
    done = 0
    while done < total:
        ask = total - done if chunk == 0 else min(chunk, total - done)
        status, n, err, got = once(lambda: sim.recv(ask), ask, False)
        if status == "OK" and n == 0:
            status = "ECLOSED"
        if status != "OK":
            return status, done, err
        scatter(targets, done, got)
        done += n
    return "OK", done, 0


def scatter(targets, at, data):
    """Writes data into the concatenation of targets from byte at on."""
    for m in targets:
        if at >= len(m):
            at -= len(m)
            continue
        piece = data[:len(m) - at]
        m[at:at + len(piece)] = piece
        data = data[len(piece):]
        at = 0
        if not data:
            return


def recv_all(sim, views, chunk, vectored):
    """mv_recv_all (one view) and mv_recvv_all: a vectored call is given
    the room of all the views left; without recvv, view by view with
    mv_recv_all's loop."""
    bad = refusal(views, True)
    if bad:
        return bad, 0, 0
    if vectored:
        return fill(sim, views, chunk)
    done = 0
    for m in views:
        status, n, err = fill(sim, [m], chunk)
        done += n
        if status != "OK":
            return status, done, err
    return "OK", done, 0


# ---------------------------------------------------------------- cases

class IoCase:
    """An I/O case: buf (bytes) and spec, the base every view is cut from;
    views: chains (one for send_all, recv_into and recv_all); op: (name,)
    or (name, n); transport: "vec" or "plain" (the vectored ops only);
    script: bytes; cap: the peer's room (sends); data: the input
    (receives); rounds: calls at most."""

    def __init__(self, buf, views, op, script, rounds, cap=None, data=None, transport=None):
        self.buf, self.spec = bytes(buf), M.buf_spec(buf)
        self.views, self.op = [list(c) for c in views], tuple(op)
        self.script, self.rounds = bytes(script), rounds
        self.cap, self.data, self.transport = cap, data, transport
        name = self.op[0]
        if name not in IO_OPS or len(self.op) - 1 != len(IO_OPS[name]):
            raise ValueError("bad io op %r" % (op,))
        if (name in VECTORED) != (transport in TRANSPORTS):
            raise ValueError("t= is for the vectored ops, and only for them")
        if name not in VECTORED and len(self.views) != 1:
            raise ValueError("%s takes one view" % name)
        if len(self.views) > MAX_VIEWS or not 1 <= rounds <= MAX_ROUNDS:
            raise ValueError("too many views or rounds")
        if (name in SENDS) != (cap is not None) or (name in SENDS) == (data is not None):
            raise ValueError("sends take cap=, receives input=")

    def inputs(self):
        name = self.op[0]
        if name in VECTORED:
            listed = ";".join(M.chain_text(c) for c in self.views) if self.views else "none"
            words = ["io", "buf=" + self.spec, "views=" + listed, "op=" + M.step_text(self.op),
                     "t=" + self.transport]
        else:
            words = ["io", "buf=" + self.spec, "v=" + M.chain_text(self.views[0]),
                     "op=" + M.step_text(self.op)]
        words.append("script=hex:" + self.script.hex())
        if name in SENDS:
            words.append("cap=%d" % self.cap)
        else:
            words.append("input=hex:" + self.data.hex())
        words.append("rounds=%d" % self.rounds)
        return " ".join(words)


def drop_front(views, n):
    """The views from byte n on: those wholly before it dropped, the one it
    falls in advanced (a caller resuming with what is left)."""
    rest = list(views)
    while n > 0 and rest:
        if n >= len(rest[0]):
            n -= len(rest[0])
            rest.pop(0)
        else:
            rest[0] = rest[0][n:]
            n = 0
    return rest


def left_to_move(views):
    return sum(0 if M.released(m) else len(m) for m in views)


def evaluate(case):
    """The results of an I/O case, in the order they are written."""
    base = bytearray(case.buf)
    views = [M.view_of(base, c) for c in case.views]
    name = case.op[0]
    sending = name in SENDS
    sim = Sim(case.script, case.cap or 0, case.data or b"")
    vectored = case.transport == "vec"
    words = []
    for _ in range(case.rounds):
        if name in SENDS:
            status, n, err = send_all(sim, views, vectored)
        elif name == "recv_into":
            status, n, err = recv_into(sim, views[0], case.op[1])
        else:
            chunk = case.op[1] if name == "recv_all" else 0
            status, n, err = recv_all(sim, views, chunk, vectored)
        words.append("%s:%d" % (status, n) + (":%d" % err if status == "ESYS" else ""))
        views = drop_front(views, n)
        # A caller goes on after MV_EAGAIN, or after a receive that got
        # bytes and has room left (recv_into: the other loops return OK
        # only when done), with what is left.
        if not (status == "EAGAIN" or (status == "OK" and n > 0)) or left_to_move(views) == 0:
            break
    out = {"res": ",".join(words), "calls": sim.calls}
    if sending:
        out["peer"] = bytes(sim.peer).hex()
    else:
        out["base"] = bytes(base).hex()
    return out


def line(case):
    return case.inputs() + " => " + " ".join("%s=%s" % kv for kv in evaluate(case).items())
