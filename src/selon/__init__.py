"""selon: who said what, according to whom, with which numbers.

    import selon
    analysis = selon.analyze(text, lang="fr")       # or lang="en"
    print(analysis.to_json())

    router = selon.Router()                          # every language: detected per article
    for result in router.analyze_many(articles): ...
"""

from selon.errors import EmptyTextError, InputError, SelonError, UnsupportedLanguageError
from selon.models import SCHEMA, Analysis, Article, Figure, Speaker, Statement, TextSpan
from selon.pipeline.analyzer import Analyzer, Failure, analyze, load_pipeline
from selon.pipeline.routing import Router, analyze_parallel

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
    "Router",
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
