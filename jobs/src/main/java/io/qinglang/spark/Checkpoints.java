package io.qinglang.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * Frames materialised once as local checkpoints, for multi-step jobs that build many frames on one
 * expensive frame. Unlike a cached frame, a checkpoint's plan is a leaf: the frames built on it are
 * analysed and optimised without the whole plan that produced it, and Spark's cache manager has no
 * entry to compare every new plan with. The price, Spark's own: if an executor holding part of a
 * checkpoint is lost, the job fails instead of recomputing that part (the jobs using this are
 * idempotent, so they can be run again).
 */
public final class Checkpoints {
  private Checkpoints() {}

  /** {@code frame} computed now and kept in memory, spilling to disk. */
  public static <T> Dataset<T> local(Dataset<T> frame) {
    return frame.localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
  }

  /** Frees a frame from {@link #local} (or a cached frame); without this Spark's cleaner frees it after GC. */
  public static void release(Dataset<?> frame) {
    if (frame.queryExecution().logical() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    } else {
      frame.unpersist();
    }
  }
}
