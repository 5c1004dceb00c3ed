package io.qinglang.ml;

/**
 * A stage whose behaviour depends on the enterprise registry. The registry saved with a model is the
 * one it was trained with; scoring replaces it with the registry in force
 * ({@link ClassifierModels#applyRegistry}) so that a model trained with one registry scores posts about
 * the enterprises of another.
 */
public interface RegistryAware {
  /** Entries "enterprise_id TAB name|short name|brand..." ({@link io.qinglang.text.RegistryMatcher#entries}). */
  void setRegistryEntries(String[] entries);

  String[] getRegistryEntries();
}
