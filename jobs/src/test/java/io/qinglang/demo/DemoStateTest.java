package io.qinglang.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStateTest {
  @TempDir
  Path dir;

  @Test
  void roundTripsWhatAnEarlierRunLeft() {
    DemoState state = DemoState.empty().withTrained("20231001-abc", "f00d").withScored("20231001-abc");
    state.write(dir);
    assertEquals(state, DemoState.read(dir));
  }

  @Test
  void aMissingOrDamagedFileMeansNothingToReuse() throws Exception {
    assertEquals(DemoState.empty(), DemoState.read(dir));
    Files.writeString(dir.resolve(DemoState.FILE), "{\"trained_version\": ");
    DemoState damaged = DemoState.read(dir);
    assertNull(damaged.trainedVersion());
    assertNull(damaged.scoredVersion());
  }
}
