from tests.meetings.conftest import family

__all__ = ["family"]
