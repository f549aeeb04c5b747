#!/usr/bin/env bash
# Install and run the Gradescope autograder zip (`a3 build` writes build/gradescope/autograder.zip)
# inside bare Debian images, the way Gradescope does, to find what a fresh image lacks.
#
# Usage (as root, on a Debian/Ubuntu host with debootstrap, mount, chroot, timeout, python3):
#   bench/bare_images.sh ZIP SUBMISSION_DIR_OR_ZIP... [--suite bookworm|trixie]... [--keep] [--out DIR]
#                        [--make-demo REPO]
#
#   ZIP                  the autograder zip (setup.sh, run_autograder and the project at its top level)
#   SUBMISSION...        folders (holding cs231n/ and the notebooks) or zips, graded one after another
#   --suite S            Debian suite to test (repeatable); default: bookworm (12) and trixie (13)
#   --keep               keep each work root (the installed image) instead of deleting it
#   --out DIR            where results go (default ${BARE_OUT:-./bare-results}):
#                        DIR/<suite>/setup.log, DIR/<suite>/<submission>/{results.json,run.log}
#   --make-demo REPO     also, in a second fresh root per suite: the README's quick start on a bare
#                        machine (apt-get install make python3, then `make demo` in a copy of the
#                        git checkout REPO's HEAD, with the image's own python3)
#
# Environment: BARE_CACHE (default /var/cache/a3-bare: base images, pip and apt caches),
# BARE_WORK (default /tmp/a3-bare-work: the per-run roots), BARE_MIRROR (default
# http://deb.debian.org/debian), SETUP_TIMEOUT / RUN_TIMEOUT (seconds, default 3600 / 1800),
# BARE_CREATED_AT (ISO time written to submission_metadata.json as created_at; default: no
# metadata file, so the late rules see an unknown time), BARE_CA (default
# /etc/ssl/certs/ca-certificates.crt: the host's CA bundle, needed where HTTPS goes through an
# intercepting proxy; set it empty to use the image's own certificates).
#
# Per suite:
#   1. debootstrap --variant=minbase into $BARE_CACHE/base/<suite> (once; reused afterwards),
#      with the apt sources of Docker's debian:<suite> image (suite, -updates, -security);
#   2. copy that base to a fresh work root, so every run starts bare;
#   3. mount proc, sys, dev, dev/pts, a private /dev/shm, pip's cache
#      ($BARE_CACHE/pip-cache on /root/.cache/pip) and apt's download cache; a trap unmounts
#      them on every exit path (and kills what is left running inside the root);
#   4. unpack the zip into /autograder/source, copy run_autograder to /autograder/run_autograder
#      (Gradescope's layout), run /autograder/source/setup.sh as root in the chroot with a clean
#      environment and A3_BUBBLEWRAP=off (Gradescope's Docker refuses bubblewrap's namespaces,
#      so the engine must take the uid fallback there; this host would let bubblewrap run);
#   5. for each submission: empty /autograder/submission and /autograder/results, copy the
#      folder (or unzip the zip) into /autograder/submission, run /autograder/run_autograder,
#      copy results.json out and print its score.
# Prints the time of each step and a final table (suite, step, seconds, result).
# Exit status: 0 when every step passed, 1 when a setup.sh failed or a run gave no results.
set -euo pipefail

usage() { sed -n '5,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

# ---- arguments ----------------------------------------------------------------------------
ZIP=""; SUBS=(); SUITES=(); KEEP=0; OUT="${BARE_OUT:-./bare-results}"; REPO=""
while (($#)); do
  case "$1" in
    --suite) [[ $# -ge 2 ]] || usage; SUITES+=("$2"); shift 2 ;;
    --suite=*) SUITES+=("${1#--suite=}"); shift ;;
    --keep) KEEP=1; shift ;;
    --make-demo) [[ $# -ge 2 ]] || usage; REPO=$(realpath "$2"); shift 2 ;;
    --out) [[ $# -ge 2 ]] || usage; OUT="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "unknown option: $1" >&2; usage ;;
    *) if [[ -z "$ZIP" ]]; then ZIP="$1"; else SUBS+=("$1"); fi; shift ;;
  esac
done
[[ -n "$ZIP" && ${#SUBS[@]} -gt 0 ]] || usage
[[ ${#SUITES[@]} -gt 0 ]] || SUITES=(bookworm trixie)
for s in "${SUITES[@]}"; do
  case "$s" in bookworm|trixie) ;; *) echo "unsupported suite: $s (bookworm or trixie)" >&2; exit 2 ;; esac
done
[[ $(id -u) = 0 ]] || { echo "run as root (debootstrap, mount, chroot)" >&2; exit 2; }
for tool in debootstrap chroot mount umount timeout python3; do
  command -v "$tool" >/dev/null || { echo "missing on the host: $tool (apt-get install -y debootstrap)" >&2; exit 2; }
done
ZIP=$(realpath "$ZIP"); [[ -f "$ZIP" ]] || { echo "no such zip: $ZIP" >&2; exit 2; }
for i in "${!SUBS[@]}"; do
  SUBS[$i]=$(realpath "${SUBS[$i]}"); [[ -e "${SUBS[$i]}" ]] || { echo "no such submission: ${SUBS[$i]}" >&2; exit 2; }
done
mkdir -p "$OUT"; OUT=$(realpath "$OUT")

BARE_CACHE="${BARE_CACHE:-/var/cache/a3-bare}"
BARE_WORK="${BARE_WORK:-/tmp/a3-bare-work}"
BARE_MIRROR="${BARE_MIRROR:-http://deb.debian.org/debian}"
SETUP_TIMEOUT="${SETUP_TIMEOUT:-3600}"
RUN_TIMEOUT="${RUN_TIMEOUT:-1800}"
BARE_CA="${BARE_CA-/etc/ssl/certs/ca-certificates.crt}"
mkdir -p "$BARE_CACHE/base" "$BARE_CACHE/pip-cache" "$BARE_WORK"

# ---- bookkeeping ---------------------------------------------------------------------------
ROWS=()          # "suite|step|seconds|result" for the final table
STATUS=0
now() { date +%s.%N; }
secs() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
record() { ROWS+=("$1|$2|$3|$4"); printf '[%s] %-28s %8ss  %s\n' "$1" "$2" "$3" "$4"; }

# ---- mounts and cleanup --------------------------------------------------------------------
ROOT=""          # the current work root
MOUNTS=()        # mount points under $ROOT, in mount order

mount_in() {     # mount_in TARGET MOUNT-ARGS...: mount and remember for the cleanup
  local target="$1"; shift
  mkdir -p "$target"
  mount "$@" "$target"
  MOUNTS+=("$target")
}

kill_inside() {  # kill whatever still runs with its root in $ROOT (zygotes, student processes)
  [[ -n "$ROOT" && -d "$ROOT" ]] || return 0
  local real pid pids=() sig
  real=$(realpath "$ROOT")
  for sig in TERM KILL; do
    pids=()
    for pid in /proc/[0-9]*; do
      pid=${pid#/proc/}
      [[ "$(readlink "/proc/$pid/root" 2>/dev/null || true)" == "$real" ]] && pids+=("$pid")
    done
    ((${#pids[@]})) || return 0
    echo "cleanup: $sig to ${#pids[@]} process(es) left in $ROOT: ${pids[*]}" >&2
    kill -s "$sig" "${pids[@]}" 2>/dev/null || true
    sleep 2
  done
}

unmount_all() {  # unmount in reverse order; lazily if busy
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do
    umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null ||
      echo "cleanup: could not unmount ${MOUNTS[$i]}" >&2
  done
  MOUNTS=()
}

still_mounted() {  # anything mounted under $ROOT? (then never delete it)
  [[ -n "$ROOT" ]] || return 1
  awk -v r="$(realpath "$ROOT")/" 'index($2 "/", r) == 1 { found = 1 } END { exit !found }' /proc/mounts
}

release_root() { # end of a suite (or of the script): processes, mounts, then the root itself
  [[ -n "$ROOT" ]] || return 0
  kill_inside
  unmount_all
  if ((KEEP)); then
    echo "kept the work root: $ROOT"
  elif still_mounted; then
    echo "cleanup: something is still mounted under $ROOT: not deleting it" >&2
  else
    rm -rf --one-file-system "$ROOT"
  fi
  ROOT=""
}
exec 9>&2        # the script's own stderr, for the traps (a signal may arrive inside a redirection)
trap 'release_root 2>&9' EXIT
trap 'echo "interrupted: cleaning up" >&9; exit 130' INT TERM HUP

# ---- steps ---------------------------------------------------------------------------------
ensure_base() {  # ensure_base SUITE: the cached minbase image (debootstrap once)
  local suite="$1" base="$BARE_CACHE/base/$1" t0 log
  if [[ -f "$base/.a3-bare-complete" ]]; then
    record "$suite" "debootstrap" "0.0" "cached ($base)"
    return 0
  fi
  log="$OUT/$suite/debootstrap.log"
  rm -rf --one-file-system "$base.tmp"
  t0=$(now)
  if nice -n 10 debootstrap --variant=minbase "$suite" "$base.tmp" "$BARE_MIRROR" >"$log" 2>&1; then
    # the apt sources of Docker's debian:<suite> image (debootstrap writes only the suite)
    rm -f "$base.tmp/etc/apt/sources.list"
    cat >"$base.tmp/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: ${BARE_MIRROR}
Suites: ${suite} ${suite}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${BARE_MIRROR%/debian}/debian-security
Suites: ${suite}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    rm -rf --one-file-system "$base"
    mv "$base.tmp" "$base"
    touch "$base/.a3-bare-complete"
    record "$suite" "debootstrap" "$(secs "$t0" "$(now)")" "ok"
  else
    record "$suite" "debootstrap" "$(secs "$t0" "$(now)")" "FAILED (see $log)"
    tail -n 20 "$log" >&2
    return 1
  fi
}

in_root() {      # in_root TIMEOUT COMMAND...: run in the chroot, clean environment, as root
  local limit="$1"; shift
  local envs=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
              A3_BUBBLEWRAP=off)
  if [[ -n "$BARE_CA" ]]; then   # this host's HTTPS goes through a proxy with its own CA
    envs+=(PIP_CERT=/etc/a3-bare-ca.crt SSL_CERT_FILE=/etc/a3-bare-ca.crt REQUESTS_CA_BUNDLE=/etc/a3-bare-ca.crt)
  fi
  # in the background and waited for, so that a signal to this script runs its trap at once
  # (bash delays traps until a foreground command ends); the trap then kills what runs inside
  # A PID namespace of its own (with its own /proc), as in Docker: the engine's reaper
  # (kill(-1) as a sandbox uid) and its process listings then see only this image's processes.
  # (The other way round is not covered: a uid-fallback grading on the host still reaches the
  # processes in here, see run_submission.)
  nice -n 10 timeout --kill-after=30 "$limit" \
    unshare --pid --fork --mount --mount-proc="$ROOT/proc" \
    chroot "$ROOT" /usr/bin/env -i "${envs[@]}" "$@" </dev/null &
  wait "$!"
}

prepare_root() { # prepare_root SUITE: fresh copy of the base, mounts, the zip unpacked
  local suite="$1" t0
  t0=$(now)
  ROOT="$BARE_WORK/$suite-$$"
  rm -rf --one-file-system "$ROOT"
  cp -a "$BARE_CACHE/base/$suite" "$ROOT"
  # mounts: what Docker gives a container, plus the caches
  mount_in "$ROOT/proc" -t proc proc
  mount_in "$ROOT/sys" -t sysfs -o ro sysfs
  mount_in "$ROOT/dev" --bind /dev
  mount_in "$ROOT/dev/pts" --bind /dev/pts
  mount_in "$ROOT/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
  mount_in "$ROOT/root/.cache/pip" --bind "$BARE_CACHE/pip-cache"
  mkdir -p "$BARE_CACHE/apt-archives-$suite/partial"
  mount_in "$ROOT/var/cache/apt/archives" --bind "$BARE_CACHE/apt-archives-$suite"
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"
  if [[ -n "$BARE_CA" ]]; then cp "$BARE_CA" "$ROOT/etc/a3-bare-ca.crt"; fi
  # Gradescope's layout: the zip in /autograder/source, run_autograder beside it
  mkdir -p "$ROOT/autograder/source" "$ROOT/autograder/submission" "$ROOT/autograder/results"
  python3 -m zipfile -e "$ZIP" "$ROOT/autograder/source"
  chmod 755 "$ROOT/autograder/source/setup.sh" "$ROOT/autograder/source/run_autograder" # zipfile drops modes
  cp "$ROOT/autograder/source/run_autograder" "$ROOT/autograder/run_autograder"
  record "$suite" "copy base + unpack zip" "$(secs "$t0" "$(now)")" "ok ($ROOT)"
}

run_setup() {    # run_setup SUITE: setup.sh as Gradescope does (cwd /autograder/source, root)
  local suite="$1" t0 rc=0 log="$OUT/$suite/setup.log"
  t0=$(now)
  in_root "$SETUP_TIMEOUT" /bin/bash -c 'cd /autograder/source && exec bash ./setup.sh' >"$log" 2>&1 || rc=$?
  if ((rc == 0)); then
    record "$suite" "setup.sh" "$(secs "$t0" "$(now)")" "ok"
  else
    local why="exit $rc"; ((rc == 124 || rc == 137)) && why="timeout after ${SETUP_TIMEOUT}s"
    record "$suite" "setup.sh" "$(secs "$t0" "$(now)")" "FAILED ($why; $log)"
    echo "---- last lines of $log" >&2; tail -n 25 "$log" >&2; echo "----" >&2
    return 1
  fi
}

run_submission() { # run_submission SUITE PATH: one submission through /autograder/run_autograder
  local suite="$1" sub="$2" name t0 rc=0 dest log score
  name=$(basename "$sub"); name=${name%.zip}
  dest="$OUT/$suite/$name"; log="$dest/run.log"
  rm -rf "$dest"; mkdir -p "$dest"
  rm -rf "$ROOT/autograder/submission" "$ROOT/autograder/results" "$ROOT/autograder/submission_metadata.json"
  mkdir -p "$ROOT/autograder/submission" "$ROOT/autograder/results"
  if [[ -f "$sub" ]]; then     # Gradescope unpacks an uploaded zip into /autograder/submission
    python3 -m zipfile -e "$sub" "$ROOT/autograder/submission"
  else
    cp -a "$sub/." "$ROOT/autograder/submission/"
  fi
  if [[ -n "${BARE_CREATED_AT:-}" ]]; then
    printf '{"created_at": "%s"}\n' "$BARE_CREATED_AT" >"$ROOT/autograder/submission_metadata.json"
  fi
  # The sandbox uids (61000+) are the host's too: a uid-fallback grading on the host (a test
  # run, another a3) reaps them with kill(-1) as that uid, which kills the student processes
  # in this chroot as well (seen once: a reference scored 55, its TensorFlow processes
  # SIGKILLed). Its trace: the host's /var/lib/a3-fallback/state.json changes.
  local host_before host_after note=""
  host_before=$(stat -c %Y /var/lib/a3-fallback/state.json 2>/dev/null || echo none)
  t0=$(now)
  in_root "$RUN_TIMEOUT" /bin/bash -c 'cd /autograder && exec /autograder/run_autograder' >"$log" 2>&1 || rc=$?
  local took; took=$(secs "$t0" "$(now)")
  host_after=$(stat -c %Y /var/lib/a3-fallback/state.json 2>/dev/null || echo none)
  if [[ "$host_before" != "$host_after" ]]; then
    note=" (WARNING: the host ran the uid fallback meanwhile; shared sandbox uids: re-run if the score is low)"
  fi
  kill_inside      # nothing of a submission may outlive its run
  if [[ -f "$ROOT/autograder/results/results.json" ]]; then
    cp "$ROOT/autograder/results/results.json" "$dest/results.json"
    score=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r.get("score"))' "$dest/results.json" 2>/dev/null || echo "?")
    # bench/leak_probe lists in its error what it could read: show that line
    local leak; leak=$(grep -o 'readable: \[[^]]*\]' "$dest/results.json" | head -n 1 || true)
    [[ -z "$leak" ]] || score="$score, $leak"
    if ((rc == 0)); then
      record "$suite" "run_autograder $name" "$took" "score $score$note"
    else
      record "$suite" "run_autograder $name" "$took" "exit $rc, score $score$note"; STATUS=1
    fi
  else
    local why="exit $rc"; ((rc == 124 || rc == 137)) && why="timeout after ${RUN_TIMEOUT}s"
    record "$suite" "run_autograder $name" "$took" "FAILED ($why, no results.json; $log)$note"
    echo "---- last lines of $log" >&2; tail -n 25 "$log" >&2; echo "----" >&2
    STATUS=1
  fi
}

run_make_demo() { # run_make_demo SUITE: the README's quick start on a bare machine of SUITE
  local suite="$1" t0 rc=0 log="$OUT/$suite/make-demo.log"
  mkdir -p "$ROOT/opt/a3"  # not /root (0700): the uid fallback needs a venv every user can run
  git -C "$REPO" archive HEAD | tar -x -C "$ROOT/opt/a3"
  t0=$(now)
  in_root "$SETUP_TIMEOUT" /bin/bash -c 'set -e; export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q --no-install-recommends make python3
    python3 --version; cd /opt/a3 && make demo' >"$log" 2>&1 || rc=$?
  if ((rc == 0)); then
    record "$suite" "make demo ($(grep -m1 -o 'Python 3[.0-9]*' "$log"))" "$(secs "$t0" "$(now)")" "ok"
  else
    record "$suite" "make demo" "$(secs "$t0" "$(now)")" "FAILED (exit $rc; $log)"; STATUS=1
    echo "---- last lines of $log" >&2; tail -n 25 "$log" >&2; echo "----" >&2
  fi
}

# ---- main ----------------------------------------------------------------------------------
for suite in "${SUITES[@]}"; do
  mkdir -p "$OUT/$suite"
  echo "== $suite: $(date -u +%H:%M:%S) UTC"
  ensure_base "$suite" || { STATUS=1; continue; }
  prepare_root "$suite"
  if run_setup "$suite"; then
    for sub in "${SUBS[@]}"; do run_submission "$suite" "$sub"; done
  else
    STATUS=1
  fi
  echo "pip cache now: $(du -sh "$BARE_CACHE/pip-cache" | cut -f1)"
  t0=$(now); keep_note=$( ((KEEP)) && echo "kept" || echo "deleted")
  release_root
  record "$suite" "cleanup" "$(secs "$t0" "$(now)")" "$keep_note"
  if [[ -n "$REPO" ]]; then
    prepare_root "$suite"
    run_make_demo "$suite"
    release_root
  fi
done

echo
printf '%-9s %-32s %9s  %s\n' suite step seconds result
for row in "${ROWS[@]}"; do
  IFS='|' read -r a b c d <<<"$row"
  printf '%-9s %-32s %9s  %s\n' "$a" "$b" "$c" "$d"
done | tee "$OUT/summary.txt"
exit "$STATUS"
