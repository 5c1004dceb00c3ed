package io.qinglang.cli;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.IngestJob;
import io.qinglang.run.JobStats;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Reads archives of posts (JSON Lines, CSV or Parquet; .gz/.bz2 allowed) into the Delta table posts. "
            + "Records that cannot be accepted go to the quarantine table with a reason; a copy of a post already "
            + "stored updates it (content changed) or counts as unchanged. Ingesting the same files again "
            + "changes nothing.",
        "",
        "Prints: read = written + updated + unchanged + quarantined + duplicate."})
public final class IngestCommand extends JobCommand {
  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "Archive file, directory or glob (repeatable).")
  List<String> inputs;

  private List<ArchiveInputs.ArchiveFile> files;

  @Override
  protected void validate(QinglangConfig config) {
    files = ArchiveInputs.expand(inputs, new Configuration());
  }

  @Override
  protected List<String> inputFiles() {
    return files.stream().map(ArchiveInputs.ArchiveFile::path).toList();
  }

  @Override
  protected JobStats run(JobContext ctx) {
    return IngestJob.run(ctx.spark(), ctx.config(), files, ctx.runId(), ctx.startedAt());
  }

  @Override
  protected String describe(JobStats s) {
    return String.format("read %d = written %d + updated %d + unchanged %d + quarantined %d + duplicate %d",
        s.rowsRead(), s.rowsWritten(), s.rowsUpdated(), s.rowsUnchanged(), s.rowsQuarantined(), s.rowsDuplicate());
  }
}
