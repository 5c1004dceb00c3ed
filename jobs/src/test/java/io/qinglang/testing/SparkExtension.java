package io.qinglang.testing;

import io.qinglang.spark.SparkSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes one SparkSession shared by the whole suite: built on first use, kept in the
 * root context store, stopped when the suite ends. Declare a {@code SparkSession} parameter on a
 * test, a constructor or a {@code @BeforeAll} method.
 */
public final class SparkExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SparkExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context);
  }

  public static SparkSession session(ExtensionContext context) {
    return context.getRoot().getStore(NS)
        .getOrComputeIfAbsent("spark", key -> new SharedSession(), SharedSession.class).spark;
  }

  /** Closed by JUnit when the root context ends. */
  static final class SharedSession implements AutoCloseable {
    final SparkSession spark;
    final Path dir;

    SharedSession() {
      try {
        dir = Files.createTempDirectory("qinglang-spark-");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      spark = SparkSessions.forTests(dir.resolve("catalog").toString());
    }

    @Override
    public void close() {
      spark.stop();
      TestFiles.deleteRecursively(dir);
    }
  }
}
