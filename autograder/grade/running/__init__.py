"""Running student code: the student process (student_process), its sandbox (bubblewrap, the seccomp
filter, the uid fallback) and the exchange of inputs and outputs with it."""
