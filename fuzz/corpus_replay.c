/*
 * corpus_replay.c — runs a harness over saved inputs without a fuzzing engine.
 *
 *   replay_NAME PATH...
 *
 * Linked with one harness (fuzz/fuzz_*.c), it feeds every regular file of
 * each PATH (a file, or a folder read recursively; README.md files are
 * skipped) to LLVMFuzzerTestOneInput.  The inputs run in a child process,
 * one after another; an input that fails a check (the harness aborts) or
 * crashes ends that child, is counted and reported, and a new child goes
 * on with the next input, so no failure hides the others.  Prints one line per failing input
 * and "N passed, N failed" last (N = inputs replayed); exits non-zero
 * when any failed.  A missing PATH is an error; an empty folder replays
 * nothing.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long passed, failed;

/* Every input file to replay, in order. */
static char **files;
static size_t nfiles, files_cap;

static void add_file(const char *path)
{
    if (nfiles == files_cap) {
        files_cap = files_cap ? 2 * files_cap : 256;
        files = realloc(files, files_cap * sizeof *files);
    }
    files[nfiles++] = strdup(path);
}

/* The whole file, in a block of exactly its size (so a harness reading
 * past the input is seen by the sanitizers). */
static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    uint8_t *exact = malloc(n ? n : 1);
    if (n)
        memcpy(exact, buf, n);
    free(buf);
    *len = n;
    return exact;
}

/* The child: runs files[from ..] in this process and reports each one
 * done on the pipe.  A failed check or a crash ends it there. */
static void child_run(size_t from, int report)
{
    for (size_t i = from; i < nfiles; i++) {
        size_t len;
        uint8_t *data = slurp(files[i], &len);
        if (data == NULL) {
            fprintf(stderr, "cannot read %s\n", files[i]);
            _exit(3);
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
        uint32_t done = (uint32_t)i;
        if (write(report, &done, sizeof done) != (ssize_t)sizeof done)
            _exit(4);
    }
    close(report);
    exit(0); /* exit, not _exit: LeakSanitizer checks at exit */
}

/* Runs every file: one child process takes them in turn; when it dies on
 * an input, that input is counted failed and a new child carries on with
 * the next one. */
static void run_all(void)
{
    size_t next = 0;
    while (next < nfiles) {
        int fds[2];
        if (pipe(fds) != 0) {
            perror("pipe");
            exit(2);
        }
        fflush(stdout);
        fflush(stderr);
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            exit(2);
        }
        if (pid == 0) {
            close(fds[0]);
            child_run(next, fds[1]);
        }
        close(fds[1]);
        size_t completed = 0;
        uint32_t done;
        while (read(fds[0], &done, sizeof done) == (ssize_t)sizeof done)
            completed++;
        close(fds[0]);
        int status;
        while (waitpid(pid, &status, 0) < 0)
            ;
        bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        passed += completed;
        next += completed;
        if (next < nfiles) {
            /* It died on files[next]. */
            failed++;
            if (WIFSIGNALED(status))
                printf("FAIL %s (signal %d)\n", files[next], WTERMSIG(status));
            else
                printf("FAIL %s (exit %d)\n", files[next], WEXITSTATUS(status));
            next++;
        } else if (!clean) {
            /* Every input ran, then the exit failed (LeakSanitizer). */
            failed++;
            passed--;
            printf("FAIL %s and the inputs before it (exit %d at the end: a leak?)\n",
                   files[nfiles - 1], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        }
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        printf("FAIL %s (missing)\n", path);
        failed++;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (S_ISREG(st.st_mode))
            add_file(path);
        return;
    }
    DIR *dir = opendir(path);
    if (dir == NULL) {
        printf("FAIL %s (cannot open)\n", path);
        failed++;
        return;
    }
    /* Sorted, so that runs are reproducible and reports stable. */
    size_t n = 0, cap = 64;
    char **names = malloc(cap * sizeof *names);
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        if (n == cap) {
            cap *= 2;
            names = realloc(names, cap * sizeof *names);
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        snprintf(names[n], len, "%s/%s", path, e->d_name);
        n++;
    }
    closedir(dir);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        collect(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE-OR-FOLDER...\n", argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 1; i < argc; i++)
        collect(argv[i]);
    run_all();
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    printf("%lu passed, %lu failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
