"""The spaCy pipeline with selon's components, and the Analyzer that runs it over articles."""
