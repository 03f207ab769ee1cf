/*
 * seed_loops.c — the two socket loops memview started from, in C.
 *
 * The send loop (Python):                 with memview:
 *
 *   sent = 0                                mv_view rest = message;
 *   while sent < len(message):              while (mv_len(rest) > 0) {
 *       sent += sock.send(message[sent:])       mv_send_all(&sock, rest, &sent);
 *                                               mv_advance(&rest, sent);
 *                                           }
 *
 * The receive loop (Python):              with memview:
 *
 *   view = memoryview(bytearray(bufsize))   mv_view view = whole buffer;
 *   while len(view):                        while (mv_len(view) > 0) {
 *       view = view[sock.recv_into(view,        mv_recv_into(&sock, view, 1024, &got);
 *                                  1024):]      mv_advance(&view, got);
 *                                           }
 *
 * (recv_into(view, 1024) with fewer than 1024 bytes left is an error in
 * both languages: the loop below asks for what is left at the end.)
 *
 * Neither copies: message[sent:] in Python makes a new string each time,
 * mv_advance only moves the view.  The sender here uses a non-blocking
 * socket, so mv_send_all comes back with MV_EAGAIN whenever the socket is
 * full, having reported how far it got: the loop is the seed's loop.  On a
 * blocking socket each loop is one call: mv_send_all(&sock, message, &sent)
 * and mv_recv_all(&sock, view, 1024, &got).
 *
 * Run over an AF_UNIX socket pair: a child process sends 4 MiB, the parent
 * receives them, both print what they did.  `make examples` builds and runs
 * it.
 */
#define _XOPEN_SOURCE 700
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "memview.h"

#define MESSAGE_SIZE (4u << 20)

/* The same bytes on both sides, to check what arrived. */
static void make_message(unsigned char *p, size_t n)
{
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (unsigned char)(x >> 16);
    }
}

/* sent = 0; while sent < len(message): sent += sock.send(message[sent:]) */
static int send_loop(int fd, mv_view message)
{
    mv_transport sock = mv_transport_fd(fd);
    mv_view rest = message;
    unsigned long rounds = 0, full = 0;
    while (mv_len(rest) > 0) {
        size_t sent;
        mv_status st = mv_send_all(&sock, rest, &sent);
        rounds++;
        if (mv_advance(&rest, sent) != MV_OK)
            return 1;
        if (st == MV_EAGAIN) {               /* the socket is full: wait for room */
            struct pollfd p = { fd, POLLOUT, 0 };
            poll(&p, 1, -1);
            full++;
        } else if (st != MV_OK) {
            fprintf(stderr, "send: %s\n", mv_strerror(st));
            return 1;
        }
    }
    printf("sender:   sent %zu bytes in %lu calls of mv_send_all (%lu times the socket was full)\n",
           mv_len(message), rounds, full);
    return 0;
}

/* view = memoryview(bytearray(bufsize)); while len(view): view = view[sock.recv_into(view, 1024):] */
static int recv_loop(int fd, mv_view buffer, unsigned long *calls)
{
    mv_transport sock = mv_transport_fd(fd);
    mv_view view = buffer;
    *calls = 0;
    while (mv_len(view) > 0) {
        /* recv_into(view, 1024) needs len(view) >= 1024: ask for less at the end. */
        size_t nbytes = mv_len(view) < 1024 ? mv_len(view) : 1024;
        size_t got;
        mv_status st = mv_recv_into(&sock, view, nbytes, &got);
        (*calls)++;
        if (st != MV_OK || got == 0) {
            fprintf(stderr, "receive: %s\n", got == 0 ? "the sender closed early" : mv_strerror(st));
            return 1;
        }
        if (mv_advance(&view, got) != MV_OK)
            return 1;
    }
    return 0;
}

int main(void)
{
    int fds[2];
    unsigned char *message = malloc(MESSAGE_SIZE), *buffer = malloc(MESSAGE_SIZE);
    mv_view out, in;
    if (message == NULL || buffer == NULL || socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0 ||
        mv_from_const(message, MESSAGE_SIZE, &out) != MV_OK || mv_from(buffer, MESSAGE_SIZE, &in) != MV_OK) {
        perror("setup");
        return 1;
    }
    make_message(message, MESSAGE_SIZE);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {                        /* the sender */
        close(fds[1]);
        fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        int rc = send_loop(fds[0], out);
        fflush(stdout);
        _exit(rc);
    }
    close(fds[0]);                           /* the receiver */
    alarm(30);                               /* never hang */
    unsigned long calls;
    int rc = recv_loop(fds[1], in, &calls);
    int status = 1;
    waitpid(child, &status, 0);              /* the sender has had its say */
    if (rc == 0)
        printf("receiver: received %zu bytes in %lu calls of mv_recv_into\n", mv_len(in), calls);
    bool same = memcmp(message, buffer, MESSAGE_SIZE) == 0;
    printf("receiver: the bytes %s the message\n", same ? "are exactly" : "DIFFER from");
    free(message);
    free(buffer);
    return rc == 0 && same && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
