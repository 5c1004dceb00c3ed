package io.qinglang.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qinglang.config.InputResource;
import io.qinglang.detect.Lexicon;
import io.qinglang.detect.PersonalDataRecognizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled hand-written ordinary text keeps the promises of its README: every file read, no repeats, no personal data. */
class BundledOrdinaryTextTest {
  private static final RealText BUNDLED = RealText.bundled();

  private static List<String> allLines() {
    List<String> all = new ArrayList<>();
    for (String kind : RealText.BUNDLED_FILES.keySet()) {
      all.addAll(BUNDLED.lines(kind).train);
      all.addAll(BUNDLED.lines(kind).heldout);
    }
    return all;
  }

  @Test
  void everyListedFileIsReadIntoItsKind() {
    List<String> files = RealText.BUNDLED_FILES.values().stream().flatMap(List::stream).toList();
    assertEquals(files, List.copyOf(BUNDLED.fileRows.keySet()));
    BUNDLED.fileRows.forEach((file, rows) -> assertTrue(rows >= 100, file + ": " + rows + " rows"));
    RealText.BUNDLED_FILES.forEach((kind, names) -> {
      int rows = names.stream().mapToInt(BUNDLED.fileRows::get).sum();
      // Rows under four characters (a few two-word reviews such as 挺好) are dropped, as the real corpora's are.
      int lines = BUNDLED.lines(kind).size();
      assertTrue(lines <= rows && lines >= rows * 0.99, kind + ": " + lines + " lines of " + rows + " rows");
    });
    assertThrows(IllegalArgumentException.class, () -> BUNDLED.lines("reviews"));
  }

  @Test
  void noLineIsRepeatedAcrossTheFiles() {
    Set<String> seen = new HashSet<>();
    List<String> repeated = allLines().stream().filter(l -> !seen.add(l)).toList();
    assertTrue(repeated.isEmpty(), "repeated lines: " + repeated);
  }

  @Test
  void noLineHoldsPersonalData() {
    PersonalDataRecognizer recognizer = new PersonalDataRecognizer(
        Lexicon.load(InputResource.classpath("conf/lexicons/personal_data.txt")), 24, 0.4);
    List<String> found = new ArrayList<>();
    for (String line : allLines()) {
      recognizer.recognize(line, false, Set.of()).forEach(f -> found.add(f.kind() + " in " + line));
    }
    assertTrue(found.isEmpty(), found.size() + " findings: " + found);
  }
}
