"""The corpus store (SQLite or PostgreSQL), its one mapping between analyses and rows, and queries."""
