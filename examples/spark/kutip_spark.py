#!/usr/bin/env python3
"""Runs kutip across the partitions of a JSONL corpus with Apache Spark.

kutip is a well-behaved filter: JSONL on stdin, one JSONL record per input line on stdout, in
order (pipelines/filter.toml writes an error record for a document that fails instead of dropping
it). Spark's RDD.pipe starts one kutip process per partition and streams the partition through it.

  python3 examples/spark/kutip_spark.py --kutip target/release/kutip \
      --pipeline pipelines/filter.toml --input corpus.jsonl --output out/ [--partitions 8]

Locally this uses PySpark in local mode (local[*]). On a cluster, ship the kutip binary and the
pipeline with the job and submit the same script (see examples/spark/README.md):

  spark-submit --master yarn --files kutip,filter.toml examples/spark/kutip_spark.py \
      --kutip ./kutip --pipeline filter.toml --input hdfs:///news/*.jsonl --output hdfs:///kutip/out
"""
import argparse
import os
import shlex

from pyspark import SparkConf, SparkContext


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kutip", required=True, help="path to the kutip binary (shipped with --files on a cluster)")
    ap.add_argument("--pipeline", required=True, help="pipeline TOML, e.g. pipelines/filter.toml")
    ap.add_argument("--input", required=True, help="JSONL file(s), any Hadoop path or glob")
    ap.add_argument("--output", required=True, help="output directory (one part file per partition)")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[*]"))
    args = ap.parse_args()

    conf = SparkConf().setAppName("kutip").setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        kutip = os.path.abspath(args.kutip) if os.path.exists(args.kutip) else args.kutip
        pipeline = os.path.abspath(args.pipeline) if os.path.exists(args.pipeline) else args.pipeline
        # One kutip per partition, one thread each: Spark already uses every core.
        command = f"{shlex.quote(kutip)} run -q -j 1 -p {shlex.quote(pipeline)} -"
        lines = sc.textFile(args.input, minPartitions=args.partitions)
        lines.pipe(command).saveAsTextFile(args.output)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
