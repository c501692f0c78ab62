# The sync twin is generated from this file: run `make unasync` after a change.
"""The client's twins, written once.

The modules of `which50._async` are written by hand; `which50._sync` holds their sync twins,
generated from them by scripts/unasync.py (token replacement, line for line) and checked by
`make check`. What both twins share without I/O stays outside, in the modules these import.
"""
