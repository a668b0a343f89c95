"""Entry files for job launchers such as ``spark-submit`` (kept in their own folder: a
launcher puts the script's folder first on ``sys.path``, and selon's own modules, e.g.
``numbers.py``, must not shadow the standard library there)."""
