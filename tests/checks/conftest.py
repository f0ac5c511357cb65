from tests.checks.family import ladder

__all__ = ["ladder"]
