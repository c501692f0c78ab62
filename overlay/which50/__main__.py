"""`python -m which50`: the same as the `which50` command."""

import sys

from ._cli import main

sys.exit(main())
