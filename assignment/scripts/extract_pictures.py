#!/usr/bin/env python
"""Extract the pictures of Part 4 (style transfer) from scikit-image's wheel into
``assignment/data/pictures/``, with a ``SHA256SUMS`` file (``sha256sum -c`` reads it).

The pictures are files of ``skimage/data/`` in scikit-image 0.26.0 (BSD-3 package; each
picture's own licence is in ``assignment/data/README.md``). They were read from the installed
package until the install had to work on every platform: scikit-image ships only binary wheels,
one per platform and Python, so no single ``--require-hashes`` line installs it everywhere. The
nine files are identical in every wheel, so they are extracted once and committed; nothing at
install or run time depends on which wheel pip picked.

    .venv/bin/python assignment/scripts/extract_pictures.py [--wheel PATH]

Without ``--wheel`` it runs ``pip download --no-deps --only-binary :all: scikit-image==0.26.0``
(this machine's wheel; the registry is needed only here) and checks every extracted file
against ``SHA256SUMS`` when that file exists, so a rerun proves the committed pictures are the
wheel's.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(REPO, 'assignment', 'data', 'pictures')
PACKAGE = 'scikit-image==0.26.0'
# the pictures the notebooks and the hidden tests use (cs231n.image_utils.PICTURES)
FILES = [
    'astronaut.png',
    'chelsea.png',
    'coffee.png',
    'rocket.jpg',
    'brick.png',
    'grass.png',
    'gravel.png',
    'ihc.png',
    'hubble_deep_field.jpg',
]


def download_wheel(folder):
    """Path of scikit-image's wheel for this machine, downloaded into ``folder``."""
    subprocess.run(
        [
            sys.executable,
            '-m',
            'pip',
            'download',
            '--quiet',
            '--no-deps',
            '--only-binary',
            ':all:',
            '-d',
            folder,
            PACKAGE,
        ],
        check=True,
    )
    return os.path.join(folder, next(f for f in os.listdir(folder) if f.endswith('.whl')))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--wheel', help='a scikit-image 0.26.0 wheel (any platform)')
    args = ap.parse_args()
    sums_path = os.path.join(OUT, 'SHA256SUMS')
    known = {}
    if os.path.exists(sums_path):
        for line in open(sums_path):
            digest, name = line.split()
            known[name] = digest
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download_wheel(tmp)
        lines = []
        with zipfile.ZipFile(wheel) as zf:
            for name in FILES:
                data = zf.read('skimage/data/' + name)
                digest = hashlib.sha256(data).hexdigest()
                if known and known.get(name) != digest:
                    sys.exit('%s: sha256 %s differs from SHA256SUMS (%s)' % (name, digest, known.get(name)))
                with open(os.path.join(OUT, name), 'wb') as f:
                    f.write(data)
                lines.append('%s  %s\n' % (digest, name))
    with open(sums_path, 'w') as f:
        f.writelines(lines)
    print('%d pictures -> %s (from %s)' % (len(FILES), os.path.relpath(OUT, REPO), os.path.basename(wheel)))


if __name__ == '__main__':
    main()
