package io.github.jobstore.benchmarks;

import io.github.jobstore.core.JobStatus;
import io.github.jobstore.json.JobStoreSnapshot;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JobStoreSnapshot}: the seconds to write every job of an {@code InMemoryJobStore} to a file
 * (fsync and rename included) and to read such a file back into a new store, for {@code jobs}
 * typical jobs ({@link Fixtures#typicalJob}: running prompt-tuning jobs of 1,000 projects). Each
 * measurement is one whole snapshot ({@code SingleShotTime}); the setup prints the file's size, so
 * megabytes per second is that over the time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class SnapshotBenchmark {

  /** A store of {@code jobs} jobs and a snapshot file of it. */
  @State(Scope.Benchmark)
  @SuppressWarnings("NullAway.Init")
  public static class Snapshot {

    @Param({"1000000"})
    public int jobs;

    JobStore store;
    Path file;

    @Setup(Level.Trial)
    public void fill() throws IOException {
      store = InMemoryJobStore.create();
      UUID[] projects = Fixtures.projects(1_000, 17);
      for (int i = 0; i < jobs; i++) {
        store.create(Fixtures.typicalJob(projects[i % projects.length], JobStatus.RUNNING));
      }
      file = Files.createTempFile("jobstore-snapshot-", ".jsonl");
      JobStoreSnapshot.write(store, file);
      // Megabytes per second are this size over a measured time.
      System.out.printf("snapshot file: %.1f MB%n", Files.size(file) / 1e6);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /** Writes every job to the file, replacing it. */
  @Benchmark
  public long write(Snapshot snapshot) throws IOException {
    return JobStoreSnapshot.write(snapshot.store, snapshot.file);
  }

  /** Reads the file back into a new, empty store. */
  @Benchmark
  public long read(Snapshot snapshot) throws IOException {
    return JobStoreSnapshot.read(snapshot.file, InMemoryJobStore.create());
  }
}
