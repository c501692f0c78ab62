"""which50: a Python client for the Which50 marketing-automation REST API.

The ergonomic client lands in a later release; today this package carries the version. The raw
generated client is `which50_client`, and pydantic models of every schema are `which50_models`.
"""

from importlib.metadata import version as _version

__version__: str = _version("which50")

__all__ = ["__version__"]
