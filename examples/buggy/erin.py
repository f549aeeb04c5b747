"""Erin uploaded a zip of her notebooks only: the grader names the missing package."""
ZIP = "notebooks_only"
