package io.qinglang.report.notebook;

/** A notebook that cannot be read or run; the message names the notebook and, where one is to blame, the cell. */
public final class NotebookException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotebookException(String message) {
    super(message);
  }

  public NotebookException(String message, Throwable cause) {
    super(message, cause);
  }

  static NotebookException at(String notebook, int cell, String problem) {
    return new NotebookException(notebook + ", cell " + cell + ": " + problem);
  }
}
