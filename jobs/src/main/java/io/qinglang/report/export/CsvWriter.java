package io.qinglang.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a table as RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel opens Chinese text
 * correctly; fields are given as text (see {@code Values.export} for how report values are written).
 */
public final class CsvWriter {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvWriter() {}

  public static void write(Path file, List<String> header, List<? extends List<String>> rows) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
            .setHeader(header.toArray(new String[0])).get());
        for (List<String> row : rows) {
          if (row.size() != header.size()) {
            throw new IllegalArgumentException(file + ": a row has " + row.size() + " fields for " + header.size()
                + " columns");
          }
          printer.printRecord(row);
        }
        printer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
