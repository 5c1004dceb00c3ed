package io.qinglang.ingest;

import io.qinglang.config.ConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the --input arguments (files, directories, globs; local paths or URIs) into the archive
 * files to read, sorted by path. A path that matches nothing is an error before anything is read.
 * Directories are listed recursively and globs matched, both keeping only archive files (by extension)
 * and skipping hidden ones (_SUCCESS, .crc); a file named on its own must be an archive.
 */
public final class ArchiveInputs {
  private ArchiveInputs() {}

  public record ArchiveFile(String path, ArchiveFormat format) implements java.io.Serializable {}

  public static List<ArchiveFile> expand(List<String> inputs, Configuration hadoopConf) {
    if (inputs == null || inputs.isEmpty()) {
      throw new ConfigException("--input: give at least one archive file, directory or glob");
    }
    TreeSet<String> seen = new TreeSet<>();
    List<ArchiveFile> files = new ArrayList<>();
    for (String input : inputs) {
      List<ArchiveFile> found = expandOne(input, hadoopConf);
      for (ArchiveFile f : found) {
        if (seen.add(f.path())) {
          files.add(f);
        }
      }
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    return files;
  }

  private static List<ArchiveFile> expandOne(String input, Configuration conf) {
    List<ArchiveFile> files = new ArrayList<>();
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new ConfigException("--input " + input + ": no such file or directory");
      }
      for (FileStatus status : matches) {
        if (status.isDirectory()) {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
          while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            ArchiveFormat format = ArchiveFormat.of(f.getPath().getName());
            if (format != null && !hidden(f.getPath(), status.getPath())) {
              files.add(new ArchiveFile(f.getPath().toString(), format));
            }
          }
        } else {
          String name = status.getPath().getName();
          ArchiveFormat format = ArchiveFormat.of(name);
          if (isGlob(input) && (format == null || name.startsWith("_") || name.startsWith("."))) {
            // 'out/*' over Spark output also matches _SUCCESS and .crc files: a glob picks the archives.
            continue;
          }
          if (format == null) {
            throw new ConfigException("--input " + status.getPath() + ": cannot tell the format from the name "
                + "(use .jsonl, .json, .csv or .parquet, optionally compressed as .gz or .bz2)");
          }
          files.add(new ArchiveFile(status.getPath().toString(), format));
        }
      }
    } catch (IOException e) {
      throw new ConfigException("--input " + input + ": cannot list (" + e.getMessage() + ")");
    }
    if (files.isEmpty()) {
      throw new ConfigException("--input " + input + ": contains no archive files (.jsonl, .json, .csv, .parquet)");
    }
    return files;
  }

  /** Whether Hadoop reads the input as a pattern (* ? [ ] { }) rather than as one path. */
  private static boolean isGlob(String input) {
    return input.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** Files and directories starting with _ or . (Spark's _SUCCESS, .crc files) are not archives. */
  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
