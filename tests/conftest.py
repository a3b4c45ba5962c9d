"""Shared pytest hooks."""

import sys


def pytest_terminal_summary(terminalreporter):
    """Say how many property-based cases ran (see tests/test_properties.py)."""
    for name, module in list(sys.modules.items()):
        if name.rsplit(".", 1)[-1] == "test_properties" and getattr(module, "CASES", None):
            cases = module.CASES
            terminalreporter.write_line(
                f"property-based cases ran: {sum(cases.values())} "
                f"({', '.join(f'{k} {v}' for k, v in sorted(cases.items()))})")
