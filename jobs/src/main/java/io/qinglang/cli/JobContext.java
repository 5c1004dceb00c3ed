package io.qinglang.cli;

import io.qinglang.config.QinglangConfig;
import io.qinglang.table.Warehouse;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/** What a running job needs: its session, configuration, warehouse and run id. */
public record JobContext(SparkSession spark, QinglangConfig config, Warehouse warehouse, String runId,
    Instant startedAt) {}
