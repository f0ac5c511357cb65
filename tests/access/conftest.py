"""A child with a plan, a conference, alerts and a transfer sent, for the record pages of the
access matrix (the transfers tests' own fixtures)."""

from tests.meetings.conftest import family
from tests.transfers.conftest import sent, signing_key

__all__ = ["family", "sent", "signing_key"]
