package io.qinglang.cli;

import io.qinglang.config.QinglangConfig;
import io.qinglang.ingest.ArchiveInputs;
import io.qinglang.ingest.IngestJob;
import io.qinglang.ingest.IngestKind;
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
        "With --kind disposals it reads disposal records (clue_id, platform, post_id, referred_at, handled_at, "
            + "action) into the table disposals the same way, keyed by clue_id.",
        "",
        "Prints: read = written + updated + unchanged + quarantined + duplicate."})
public final class IngestCommand extends JobCommand {
  @Option(names = "--input", paramLabel = "PATH", required = true,
      description = "Archive file, directory or glob (repeatable).")
  List<String> inputs;

  @Option(names = "--kind", paramLabel = "KIND", defaultValue = "posts",
      description = "What the files hold: posts (default) or disposals (what platforms did with referred clues).")
  IngestKind kind;

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
    return IngestJob.run(ctx.spark(), ctx.config(), kind, files, ctx.runId(), ctx.startedAt());
  }

  @Override
  protected String describe(JobStats s) {
    return String.format("read %d = written %d + updated %d + unchanged %d + quarantined %d + duplicate %d",
        s.rowsRead(), s.rowsWritten(), s.rowsUpdated(), s.rowsUnchanged(), s.rowsQuarantined(), s.rowsDuplicate());
  }
}
