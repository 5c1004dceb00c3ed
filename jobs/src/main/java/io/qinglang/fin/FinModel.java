package io.qinglang.fin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.config.ConfigException;
import io.qinglang.config.OutputLocations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;

/**
 * The financial clickbait model as stored inside a model version directory:
 * {@code <model-dir>/<version>/fin_clickbait/model/} (the Spark PipelineModel: FinFeaturizer,
 * optional headline character n-grams, VectorAssembler, classifier) and
 * {@code <model-dir>/<version>/fin_clickbait/fin_clickbait.json} (threshold, classifier, features,
 * training data and evaluation figures).
 */
public record FinModel(String location, PipelineModel pipeline, double threshold, String version,
    JsonNode metadata) {

  public static final String DIR = "fin_clickbait";
  public static final String PIPELINE = "model";
  public static final String METADATA = "fin_clickbait.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** {@code <versionDir>/fin_clickbait}. */
  public static String location(String versionDir) {
    return OutputLocations.child(versionDir, DIR);
  }

  public static boolean exists(String versionDir, Configuration conf) {
    try {
      Path meta = new Path(OutputLocations.child(location(versionDir), METADATA));
      return meta.getFileSystem(conf).exists(meta);
    } catch (IOException e) {
      return false;
    }
  }

  /** Writes the pipeline and its metadata (threshold, version) under {@code versionDir}, replacing an older one. */
  public static FinModel save(String versionDir, String version, PipelineModel pipeline, double threshold,
      ObjectNode metadata, Configuration conf) {
    String location = location(versionDir);
    metadata.put("model_version", version);
    metadata.put("threshold", threshold);
    try {
      pipeline.write().overwrite().save(OutputLocations.child(location, PIPELINE));
      Path meta = new Path(OutputLocations.child(location, METADATA));
      FileSystem fs = meta.getFileSystem(conf);
      try (OutputStream out = fs.create(meta, true)) {
        out.write(JSON.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the financial clickbait model to " + location, e);
    }
    return new FinModel(location, pipeline, threshold, version, metadata);
  }

  /** The model stored under {@code versionDir}; a clear error when there is none. */
  public static FinModel load(String versionDir, Configuration conf) {
    String location = location(versionDir);
    Path meta = new Path(OutputLocations.child(location, METADATA));
    JsonNode metadata;
    try {
      FileSystem fs = meta.getFileSystem(conf);
      if (!fs.exists(meta)) {
        throw new ConfigException("no financial clickbait model in " + versionDir + " (run train-fin first)");
      }
      try (InputStream in = fs.open(meta)) {
        metadata = JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
    PipelineModel pipeline = PipelineModel.load(OutputLocations.child(location, PIPELINE));
    return new FinModel(location, pipeline, metadata.path("threshold").asDouble(0.5),
        metadata.path("model_version").asText(new Path(versionDir).getName()), metadata);
  }

  public static ObjectNode newMetadata() {
    return JSON.createObjectNode();
  }
}
