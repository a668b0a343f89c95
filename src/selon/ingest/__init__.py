"""From inputs to articles: readers for txt/json/jsonl/html and the one acceptance policy."""
