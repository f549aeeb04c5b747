"""Realistic buggy submissions, one module per student: ``REPLACE`` maps a function of the
package ("cs231n/<file>.py::<qualname>") to the student's (wrong) version, ``TODO`` lists
functions left as the untouched stub, ``FILES`` overrides whole files, ``ZIP`` packs the
submission as a zip (``"wrapped"``: a zip of the folder, not of its contents), and
``NOTEBOOKS`` (default True) includes the student notebooks. ``a3 build`` turns each into
``examples/submissions/<name>`` (or ``<name>.zip``)."""
