"""Plausible wrong implementations, one module per question id (``<id>.py``): ``TARGET``
names the function they replace in the reference, ``MUTANTS`` lists them. Each must lose
points on its question and on no question outside ``config.affected_by(<id>)``."""
