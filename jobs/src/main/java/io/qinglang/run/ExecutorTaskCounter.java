package io.qinglang.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts finished tasks per executor id, so a run can show where its work ran: "driver" in local
 * mode, executor ids 0, 1, ... on a cluster.
 */
public final class ExecutorTaskCounter extends SparkListener {
  private final Map<String, LongAdder> tasks = new ConcurrentHashMap<>();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskInfo() != null) {
      tasks.computeIfAbsent(taskEnd.taskInfo().executorId(), k -> new LongAdder()).increment();
    }
  }

  /** For example {@code 0:41,1:39}; empty when no task ran. */
  public String summary() {
    return new TreeMap<>(tasks).entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue().sum())
        .collect(Collectors.joining(","));
  }
}
