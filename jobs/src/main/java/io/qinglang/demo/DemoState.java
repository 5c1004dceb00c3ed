package io.qinglang.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an earlier demo run left that a later run may reuse: the model version it trained (and the
 * fingerprint of the training corpus options it was trained from) and the model version it scored
 * the archive with. Kept as {@code demo-state.json} in the demo's archive directory.
 */
record DemoState(String trainedVersion, String trainingFingerprint, String scoredVersion) {
  static final String FILE = "demo-state.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static DemoState empty() {
    return new DemoState(null, null, null);
  }

  static DemoState read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    try {
      Map<?, ?> m = JSON.readValue(file.toFile(), Map.class);
      return new DemoState((String) m.get("trained_version"), (String) m.get("training_fingerprint"),
          (String) m.get("scored_version"));
    } catch (IOException e) {
      // A damaged state file only costs the reuse: the demo redoes the steps.
      return empty();
    }
  }

  void write(Path dir) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trained_version", trainedVersion);
    m.put("training_fingerprint", trainingFingerprint);
    m.put("scored_version", scoredVersion);
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve(FILE).toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DemoState withTrained(String version, String fingerprint) {
    return new DemoState(version, fingerprint, scoredVersion);
  }

  DemoState withScored(String version) {
    return new DemoState(trainedVersion, trainingFingerprint, version);
  }
}
