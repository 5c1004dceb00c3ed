package io.qinglang.detect;

import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Sums the CPU time Spark's tasks report ({@code executorCpuTime}), so that a benchmark can print
 * CPU seconds per stage: a figure that, unlike wall-clock time, does not depend on how busy a shared
 * machine is. Work done on the driver itself (the union-find of connected components) is not in it.
 */
public final class TaskCpuMeter extends SparkListener {
  private final LongAdder cpuNanos = new LongAdder();

  public static TaskCpuMeter attach(SparkSession spark) {
    TaskCpuMeter m = new TaskCpuMeter();
    spark.sparkContext().addSparkListener(m);
    return m;
  }

  public void detach(SparkSession spark) {
    spark.sparkContext().removeSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskMetrics() != null) {
      cpuNanos.add(taskEnd.taskMetrics().executorCpuTime());
    }
  }

  /** CPU seconds of the tasks finished so far (the listener bus delivers events asynchronously). */
  public double cpuSeconds() {
    return cpuNanos.sum() / 1e9;
  }
}
