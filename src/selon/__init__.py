"""selon: who said what, according to whom, with which numbers.

    import selon
    analysis = selon.analyze(text, lang="fr")
    print(analysis.to_json())
"""

from selon.errors import EmptyTextError, InputError, SelonError, UnsupportedLanguageError
from selon.models import SCHEMA, Analysis, Article, Figure, Speaker, Statement, TextSpan
from selon.pipeline.analyzer import Analyzer, Failure, analyze, analyze_parallel, load_pipeline

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Analyzer",
    "Article",
    "EmptyTextError",
    "Failure",
    "Figure",
    "InputError",
    "SelonError",
    "Speaker",
    "Statement",
    "TextSpan",
    "UnsupportedLanguageError",
    "__version__",
    "analyze",
    "analyze_parallel",
    "load_pipeline",
]
