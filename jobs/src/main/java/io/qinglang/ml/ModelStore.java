package io.qinglang.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qinglang.config.ConfigException;
import io.qinglang.config.OutputLocations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * The model directory: one sub-directory per model version, named {@code <UTC time>-<data hash>}
 * (for example {@code 20230424T101500Z-3fa9c2}) so that names sort by age. Each holds
 * {@code pipeline/} (the Spark PipelineModel, loadable on its own), {@code model.json} (thresholds,
 * registry and training-data fingerprints, parameters, metrics) and {@code metrics.txt} (the
 * per-category table and confusion matrix). A version is written under a temporary name and renamed
 * when complete, so a half-written model is never picked up.
 */
public final class ModelStore {
  public static final String PIPELINE = "pipeline";
  public static final String METADATA = "model.json";
  public static final String METRICS = "metrics.txt";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter VERSION_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A model version read back: where it is, its pipeline and its metadata. */
  public record LoadedModel(String version, String dir, PipelineModel pipeline, Map<String, Object> metadata) {}

  private final String root;
  private final Configuration hadoop;

  public ModelStore(String root, Configuration hadoop) {
    this.root = OutputLocations.absolute(root);
    this.hadoop = hadoop;
  }

  public String root() {
    return root;
  }

  public static String newVersion(Instant created, String dataFingerprint) {
    return VERSION_TIME.format(created) + "-" + dataFingerprint.substring(0, Math.min(6, dataFingerprint.length()));
  }

  /** Writes what belongs in a version directory besides pipeline/, model.json and metrics.txt. */
  public interface ComponentWriter {
    /** Writes into {@code versionDir} (still under its temporary name); returns model.json additions. */
    Map<String, Object> write(String versionDir);
  }

  /** Saves a complete version; returns its directory. */
  public String save(String version, PipelineModel pipeline, Map<String, Object> metadata, String metricsText) {
    return save(version, pipeline, metadata, metricsText, List.of());
  }

  /** Saves a complete version with further components; returns its directory. */
  public String save(String version, PipelineModel pipeline, Map<String, Object> metadata, String metricsText,
      List<ComponentWriter> components) {
    Path base = new Path(root);
    Path tmp = new Path(base, ".tmp-" + version);
    Path target = new Path(base, version);
    try {
      FileSystem fs = base.getFileSystem(hadoop);
      if (fs.exists(target)) {
        throw new IllegalStateException("model version " + target + " exists already");
      }
      fs.mkdirs(base);
      fs.delete(tmp, true);
      pipeline.write().save(new Path(tmp, PIPELINE).toString());
      Map<String, Object> all = new LinkedHashMap<>(metadata);
      for (ComponentWriter c : components) {
        all.putAll(c.write(tmp.toString()));
      }
      write(fs, new Path(tmp, METADATA), JSON.writeValueAsBytes(all));
      write(fs, new Path(tmp, METRICS), metricsText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (!fs.rename(tmp, target)) {
        throw new IOException("cannot rename " + tmp + " to " + target);
      }
      return target.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save model " + version + " under " + root, e);
    }
  }

  /** Model versions present (complete ones), oldest first. */
  public List<String> versions() {
    List<String> out = new ArrayList<>();
    Path base = new Path(root);
    try {
      FileSystem fs = base.getFileSystem(hadoop);
      if (!fs.isDirectory(base)) {
        return out;
      }
      for (FileStatus st : fs.listStatus(base)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && !name.startsWith(".") && fs.exists(new Path(st.getPath(), METADATA))
            && fs.exists(new Path(st.getPath(), PIPELINE))) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the model directory " + root, e);
    }
    out.sort(String::compareTo);
    return out;
  }

  /**
   * The model to use: {@code requested} (a version name under the model directory, or a path to a
   * version directory) or, when null, the newest version. A clear ConfigException when there is none.
   */
  public String resolve(String requested) {
    try {
      if (requested != null) {
        Path direct = new Path(OutputLocations.absolute(requested));
        FileSystem fs = direct.getFileSystem(hadoop);
        if (fs.exists(new Path(direct, METADATA))) {
          return direct.toString();
        }
        Path named = new Path(new Path(root), requested);
        if (named.getFileSystem(hadoop).exists(new Path(named, METADATA))) {
          return named.toString();
        }
        throw new ConfigException("--model " + requested + ": not a model version (no " + METADATA + " there nor "
            + "under " + root + "); versions: " + versions());
      }
    } catch (IOException e) {
      throw new ConfigException("--model " + requested + ": cannot read (" + e.getMessage() + ")");
    }
    List<String> versions = versions();
    if (versions.isEmpty()) {
      throw new ConfigException("no trained model in " + root + ": run 'qinglang train' first (or pass --model DIR)");
    }
    return new Path(new Path(root), versions.get(versions.size() - 1)).toString();
  }

  /** Loads a version directory. */
  public LoadedModel load(SparkSession spark, String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      Map<String, Object> metadata;
      try (InputStream in = fs.open(new Path(path, METADATA))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(in, LinkedHashMap.class);
        metadata = m;
      }
      PipelineModel pipeline = PipelineModel.load(new Path(path, PIPELINE).toString());
      String version = String.valueOf(metadata.getOrDefault("model_version", path.getName()));
      return new LoadedModel(version, path.toString(), pipeline, metadata);
    } catch (IOException e) {
      throw new ConfigException("model " + dir + ": cannot load (" + e.getMessage() + ")");
    }
  }

  private static void write(FileSystem fs, Path path, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }
}
