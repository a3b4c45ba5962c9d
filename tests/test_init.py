"""The public API: every name in __all__ resolves, and importing framing stays light."""

import subprocess
import sys

import framing


def test_every_public_name_resolves():
    for name in framing.__all__:
        assert getattr(framing, name) is not None, name


def test_analysis_is_the_tables_class():
    from framing.tables import Analysis

    assert framing.Analysis is Analysis
    assert isinstance(framing.analyze(), framing.Analysis)


def test_import_loads_no_heavy_library():
    # a fresh interpreter: pandas, scikit-learn, textstat (with NLTK) and VADER load when an analysis runs
    code = ("import sys, framing; heavy = ('pandas', 'numpy', 'sklearn', 'scipy', 'textstat', 'nltk', "
            "'vaderSentiment', 'matplotlib'); print(','.join(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_an_unknown_name_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'Analyses'"):
        framing.Analyses  # noqa: B018
