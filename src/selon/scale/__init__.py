"""selon on Apache Spark, and Parquet tables in and out."""
