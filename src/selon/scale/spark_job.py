"""``spark-submit`` entry file for ``selon spark`` (arguments: INPUT OUTPUT [options]).

    spark-submit --master yarn ... "$(python -c 'import selon.scale.spark_job as j; print(j.__file__)')" \
        hdfs:///corpus/articles.parquet hdfs:///selon/run-1

It runs ``selon spark`` through selon's one parser (:func:`selon.cli.registry.main`): the
same options, messages and exit codes. See docs/spark.md.
"""

import sys

from selon.cli.registry import main

if __name__ == "__main__":
    sys.exit(main(["spark", *sys.argv[1:]]))
