package io.qinglang.text;

import io.qinglang.config.ConfigException;
import io.qinglang.config.InputResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lexicon files of conf/lexicons: UTF-8, one entry a line, fields separated by a tab,
 * {@code #} starts a comment line, blank lines are ignored. Entries are returned as the trimmed
 * lines (fields still tab-separated) so that stages can keep them as string-array Params and the
 * saved model carries the lexicon it was trained with.
 */
public final class Lexicons {
  private Lexicons() {}

  /**
   * The entries of a lexicon; every entry must have exactly {@code fields} tab-separated, non-empty
   * fields, otherwise the file and line are named in a ConfigException.
   */
  public static List<String> read(InputResource resource, int fields) {
    List<String> entries = new ArrayList<>();
    try (InputStream in = resource.open();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\t", -1);
        if (parts.length != fields) {
          throw new ConfigException("lexicon " + resource + ", line " + lineNo + ": expected " + fields
              + " tab-separated field(s), found " + parts.length);
        }
        StringBuilder entry = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
          String p = parts[i].strip();
          if (p.isEmpty()) {
            throw new ConfigException("lexicon " + resource + ", line " + lineNo + ": field " + (i + 1) + " is empty");
          }
          if (i > 0) {
            entry.append('\t');
          }
          entry.append(p);
        }
        entries.add(entry.toString());
      }
    } catch (IOException e) {
      throw new ConfigException("lexicon " + resource + ": cannot read (" + e.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new ConfigException("lexicon " + resource + ": has no entries");
    }
    return entries;
  }
}
