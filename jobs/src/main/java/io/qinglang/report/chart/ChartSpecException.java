package io.qinglang.report.chart;

/** A chart line that does not follow the grammar of {@link ChartSpec}, or does not fit its result. */
public final class ChartSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ChartSpecException(String message) {
    super(message);
  }
}
