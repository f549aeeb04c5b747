"""Reports: results.json (Gradescope), feedback.md and feedback.html, the class page, Gradescope's
entry point, and the filter of TensorFlow's start-up lines."""
