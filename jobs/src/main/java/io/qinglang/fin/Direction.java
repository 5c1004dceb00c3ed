package io.qinglang.fin;

/** Which way a figure moved. SLOW: growth continued but more slowly (增速放缓), which is not a decline. */
public enum Direction {
  UP, DOWN, FLAT, SLOW, NONE;

  public int sign() {
    return this == UP ? 1 : this == DOWN ? -1 : 0;
  }

  public boolean opposes(Direction other) {
    return (this == UP && other == DOWN) || (this == DOWN && other == UP);
  }
}
