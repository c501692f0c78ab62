# Generated from overlay/which50/_async/__init__.py by scripts/unasync.py: do not edit.
"""The client's twins, written once.

The modules of `which50._async` are written by hand; `which50._sync` holds their sync twins,
generated from them by scripts/unasync.py (token replacement, line for line) and checked by
`make check`. What both twins share without I/O stays outside, in the modules these import.
"""
