"""The models that `which50` methods return: the generated `which50_client` models.

Unknown members from the server are kept on each model's ``additional_properties`` (and
readable as ``model["Name"]``); string fields whose values upstream does not document are plain
strings, so a new value never breaks parsing.
"""

from which50_client.models import *  # noqa: F403
from which50_client.models import __all__ as _models_all

__all__ = list(_models_all)
