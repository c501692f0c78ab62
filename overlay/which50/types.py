"""The models that `which50` methods return: the pydantic models of `which50_models`, one per
schema of the spec; and the closed sets of values some arguments take, from the spec's enums.
Both are generated (`which50_resources.types`) and re-exported here, so a schema added to the
spec is here after `make generate`.

Members the spec calls always present are typed without ``None`` (``contact.enc_contact_id`` is
a `str`, ids and counts are `int`); members that may be null are ``X | None``. Unknown members
from the server are kept in ``model.model_extra``; string fields whose values upstream does not
document are plain strings, so a new value never breaks parsing.
"""

from which50_resources.types import *  # noqa: F403
from which50_resources.types import __all__ as __all__
