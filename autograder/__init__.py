"""The a3 engine (see README.md, "Layout")."""

import sys

# nbformat imports jsonschema, whose format checkers import rfc3987_syntax if it is installed
# (a dependency of the Jupyter packages otter brings); that import compiles 39 lark grammars,
# 2 to 4 s in every a3 process that reads a notebook, for an IRI check nbformat never makes.
# Marked missing, jsonschema skips that one checker (it imports it under suppress(ImportError)).
sys.modules.setdefault("rfc3987_syntax", None)
