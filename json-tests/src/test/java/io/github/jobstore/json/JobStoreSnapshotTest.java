package io.github.jobstore.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.json.SnapshotProgress.Stage;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.testkit.JobGenerators;
import io.github.jobstore.testkit.MutableClock;
import io.github.jobstore.testkit.Parallel;
import io.github.jobstore.testkit.Property;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.eclipse.collections.api.factory.Lists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobStoreSnapshot}: what it writes restores exactly into another store, and a file that is
 * not a whole snapshot is refused with the target unchanged.
 */
class JobStoreSnapshotTest {

  private static final Instant START = Instant.parse("2026-03-01T12:00:00.123456Z");

  /** Writes each writer makes while snapshots are taken. */
  private static final int BUSY_WRITES = 20_000;

  @TempDir Path directory;

  @Test
  void aSnapshotRestoresEveryJobExactlyAndInOrder() throws IOException {
    Path file = directory.resolve("jobs.jsonl");
    Property.forAll(
        60,
        random -> random.nextLong(),
        seed -> {
          JobStore source = fill(seed, 0);
          JobStore target = InMemoryJobStore.create();
          try {
            long written = JobStoreSnapshot.write(source, file);
            assertThat(JobStoreSnapshot.read(file, target)).isEqualTo(written);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
          assertThat(all(target)).isEqualTo(all(source));
          for (Job job : all(source)) {
            for (Iteration iteration : job.iterations()) {
              assertThat(target.findIteration(iteration.id())).contains(iteration);
            }
          }
        });
  }

  @Test
  void jobsCreatedInTheSameMicrosecondKeepTheirOrder() throws IOException {
    MutableClock clock = new MutableClock(START);
    JobStore source = InMemoryJobStore.builder().clock(clock).build();
    for (int i = 0; i < 5; i++) {
      source.create(JobCreateParams.builder().build());
    }
    Path file = directory.resolve("ties.jsonl");

    JobStoreSnapshot.write(source, file);
    JobStore target = InMemoryJobStore.create();
    JobStoreSnapshot.read(file, target);

    assertThat(all(target)).isEqualTo(all(source));
  }

  @Test
  void theFileIsAHeaderOneJobALineOldestFirstAndAChecksummedLastLine() throws IOException {
    MutableClock clock = new MutableClock(START);
    JobStore source = InMemoryJobStore.builder().clock(clock).build();
    Job older = source.create(JobCreateParams.builder().build());
    clock.advance(Duration.ofSeconds(1));
    Job newer = source.create(JobCreateParams.builder().status(JobStatus.RUNNING).build());
    Path file = directory.resolve("two.jsonl");

    assertThat(JobStoreSnapshot.write(source, file)).isEqualTo(2);

    List<String> lines = Files.readAllLines(file, UTF_8);
    JobJson json = JobJson.create();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo(header(1, 2).strip());
    assertThat(lines.get(1)).isEqualTo(json.write(older));
    assertThat(lines.get(2)).isEqualTo(json.write(newer));
    assertThat(lines.get(3))
        .matches("\\{\"end\":\"jobstore-snapshot\",\"jobs\":2,\"crc32c\":\"[0-9a-f]{8}\"}");
  }

  @Test
  void anEmptyStoreMakesASnapshotOfNoJobs() throws IOException {
    Path file = directory.resolve("empty.jsonl");

    assertThat(JobStoreSnapshot.write(InMemoryJobStore.create(), file)).isZero();

    assertThat(JobStoreSnapshot.read(file, InMemoryJobStore.create())).isZero();
  }

  @Test
  void aWriteReplacesTheFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = directory.resolve("jobs.jsonl");
    Files.writeString(file, "the old file");
    JobStore source = InMemoryJobStore.create();
    source.create(JobCreateParams.builder().build());

    JobStoreSnapshot.write(source, file);

    assertThat(Files.readAllLines(file, UTF_8)).hasSize(3);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = directory.resolve("jobs.jsonl");
    Files.writeString(file, "the old file");
    JobStore source = InMemoryJobStore.create();
    source.create(JobCreateParams.builder().build());
    IllegalStateException stop = new IllegalStateException("stop");

    Throwable thrown =
        catchThrowable(
            () ->
                JobStoreSnapshot.write(
                    source,
                    file,
                    (stage, done, total) -> {
                      throw stop;
                    }));

    assertThat(thrown).isSameAs(stop);
    assertThat(Files.readString(file)).isEqualTo("the old file");
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void progressIsReportedEveryStepAndAtTheEndOfEachStage() throws IOException {
    JobStore source = InMemoryJobStore.create();
    int jobs = JobStoreSnapshot.PROGRESS_STEP * 2 + 1;
    for (int i = 0; i < jobs; i++) {
      source.create(JobCreateParams.builder().build());
    }
    Path file = directory.resolve("progress.jsonl");
    List<String> reports = new ArrayList<>();
    SnapshotProgress progress =
        (stage, done, total) -> reports.add(stage + " " + done + "/" + total);

    JobStoreSnapshot.write(source, file, progress);
    JobStoreSnapshot.read(file, InMemoryJobStore.create(), progress);

    List<String> expected = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      expected.add(stage + " 10000/20001");
      expected.add(stage + " 20000/20001");
      expected.add(stage + " 20001/20001");
    }
    assertThat(reports).isEqualTo(expected);
  }

  @Test
  void aFileCutAnywhereIsRefusedAndNothingIsLoaded() throws IOException {
    byte[] snapshot = snapshotOf(fill(7, 3));
    Path file = directory.resolve("cut.jsonl");
    Property.forAll(
        300,
        random -> random.nextInt(snapshot.length),
        length -> {
          write(file, Arrays.copyOf(snapshot, length));
          assertRefusedWithNothingLoaded(file);
        });
  }

  /**
   * Every change of one byte is refused: CRC-32C catches any change of a job line, and the first
   * and last lines must be exactly what a snapshot's are. One change reads the same and is let
   * through: a line end written as a carriage return, which Java's readers take as a line end too.
   */
  @Test
  void aFileWithAnyOneByteChangedIsRefusedAndNothingIsLoaded() throws IOException {
    byte[] snapshot = snapshotOf(fill(11, 3));
    Path file = directory.resolve("corrupt.jsonl");
    Property.forAll(
        500,
        random -> new int[] {random.nextInt(snapshot.length), random.nextInt(1, 256)},
        change -> {
          byte[] corrupt = snapshot.clone();
          corrupt[change[0]] ^= (byte) change[1];
          if (snapshot[change[0]] == '\n' && corrupt[change[0]] == '\r') {
            return;
          }
          write(file, corrupt);
          assertRefusedWithNothingLoaded(file);
        });
  }

  @Test
  void aFileThatIsNotASnapshotIsRefusedAsForeign() throws IOException {
    Path file = directory.resolve("foreign.jsonl");
    Files.writeString(file, "{\"id\":1}\n");

    assertRefused(file, "it is not a jobstore snapshot (its first line is not a snapshot header)");
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    Path file = directory.resolve("nothing.jsonl");
    Files.writeString(file, "");

    assertRefused(file, "it is empty");
  }

  @Test
  void aNewerFormatIsRefusedByName() throws IOException {
    Path file = directory.resolve("newer.jsonl");
    Files.writeString(file, header(2, 0));

    assertRefused(file, "it has format version 2, and this version of jobstore reads 1");
  }

  @Test
  void aTruncatedFileSaysHowManyJobsItHolds() throws IOException {
    JobStore source = InMemoryJobStore.create();
    for (int i = 0; i < 3; i++) {
      source.create(JobCreateParams.builder().build());
    }
    Path file = directory.resolve("short.jsonl");
    JobStoreSnapshot.write(source, file);
    List<String> lines = Files.readAllLines(file, UTF_8);
    Files.write(file, lines.subList(0, 3), UTF_8);

    assertRefused(file, "it is truncated: it ends after 2 of 3 jobs");
  }

  @Test
  void aLineThatIsNotAJobNamesItsNumberAndTheViolation() throws IOException {
    Path file = directory.resolve("bad.jsonl");
    Files.writeString(file, header(1, 1) + "{\"id\":\"x\"}\n");

    assertThatExceptionOfType(InvalidSnapshotException.class)
        .isThrownBy(() -> JobStoreSnapshot.read(file, InMemoryJobStore.create()))
        .withMessageStartingWith("Cannot read the snapshot " + file + ": line 2 is not a job: ")
        .withCauseInstanceOf(ValidationException.class);
  }

  @Test
  void aFileThatRepeatsAJobIsRefusedNamingBothLines() throws IOException {
    JobStore source = InMemoryJobStore.create();
    Job job = source.create(JobCreateParams.builder().build());
    Path file = directory.resolve("twice.jsonl");
    String line = JobJson.create().write(job);
    Files.writeString(file, header(1, 2) + line + "\n" + line + "\n");

    assertRefused(file, "line 3 repeats the id of job " + job.id() + " (first on line 2)");
  }

  @Test
  void aFileThatRepeatsAnIterationIsRefusedNamingBothLines() throws IOException {
    JobStore source = InMemoryJobStore.create();
    Job first = source.create(JobCreateParams.builder().build());
    Iteration iteration =
        source.appendIteration(
            first.id(), IterationCreateParams.builder().iterationName("i").build());
    Job second = source.create(JobCreateParams.builder().build());
    Job stolen =
        second.withIterations(
            Lists.immutable.of(Iteration.builder().from(iteration).job(second.id()).build()));
    JobJson json = JobJson.create();
    Path file = directory.resolve("stolen.jsonl");
    Files.writeString(
        file, header(1, 2) + json.write(source.get(first.id())) + "\n" + json.write(stolen) + "\n");

    assertRefused(
        file, "line 3 repeats the id of iteration " + iteration.id() + " (first on line 2)");
  }

  @Test
  void aLastLineForAnotherCountIsRefusedNamingItsLine() throws IOException {
    JobStore source = InMemoryJobStore.create();
    source.create(JobCreateParams.builder().build());
    Path file = directory.resolve("count.jsonl");
    JobStoreSnapshot.write(source, file);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, UTF_8));
    lines.set(2, lines.get(2).replace("\"jobs\":1", "\"jobs\":2"));
    Files.write(file, lines, UTF_8);

    assertRefused(file, "line 3 is not the last line of a snapshot of 1 jobs");
  }

  @Test
  void anIterationTheTargetAlreadyHasIsRefusedAndNothingIsLoaded() throws IOException {
    JobStore source = InMemoryJobStore.create();
    Job job = source.create(JobCreateParams.builder().build());
    Iteration iteration =
        source.appendIteration(
            job.id(), IterationCreateParams.builder().iterationName("i").build());
    Path file = directory.resolve("iteration.jsonl");
    JobStoreSnapshot.write(source, file);
    JobStore target = InMemoryJobStore.create();
    Job holder = InMemoryJobStore.create().create(JobCreateParams.builder().build());
    target.restore(
        holder.withIterations(
            Lists.immutable.of(Iteration.builder().from(iteration).job(holder.id()).build())));

    assertThatIllegalStateException()
        .isThrownBy(() -> JobStoreSnapshot.read(file, target))
        .withMessage(
            "The target store already has iteration "
                + iteration.id()
                + " (line 2 of "
                + file
                + "); nothing was restored.");
    assertThat(target.find(job.id())).isEmpty();
  }

  @Test
  void aJobTheTargetAlreadyHasIsRefusedAndNothingIsLoaded() throws IOException {
    JobStore source = InMemoryJobStore.create();
    Job first = source.create(JobCreateParams.builder().build());
    Job second = source.create(JobCreateParams.builder().build());
    Path file = directory.resolve("clash.jsonl");
    JobStoreSnapshot.write(source, file);
    JobStore target = InMemoryJobStore.create();
    target.restore(second);

    assertThatIllegalStateException()
        .isThrownBy(() -> JobStoreSnapshot.read(file, target))
        .withMessage(
            "The target store already has job "
                + second.id()
                + " (line 3 of "
                + file
                + "); nothing was restored.");
    assertThat(target.find(first.id())).isEmpty();
    assertThat(all(target)).containsExactly(second);
  }

  @Test
  void aRestoreThatFailsAfterLoadingIsRolledBack() throws IOException {
    JobStore source = InMemoryJobStore.create();
    for (int i = 0; i < 3; i++) {
      source.create(JobCreateParams.builder().build());
    }
    Path file = directory.resolve("rollback.jsonl");
    JobStoreSnapshot.write(source, file);
    JobStore target = InMemoryJobStore.create();
    IllegalStateException stop = new IllegalStateException("stop");

    Throwable thrown =
        catchThrowable(
            () ->
                JobStoreSnapshot.read(
                    file,
                    target,
                    (stage, done, total) -> {
                      if (stage == Stage.RESTORE && done == total) {
                        throw stop;
                      }
                    }));

    assertThat(thrown).isSameAs(stop);
    assertThat(all(target)).isEmpty();
  }

  /**
   * Writers update, append to, create and delete jobs while snapshots are taken: each job in a
   * snapshot is one version (its prompt slug and status agree with its counter), and every job that
   * lived throughout the snapshot is in it, once.
   */
  @Test
  void aSnapshotTakenWhileWritersRunHoldsEachJobInOneVersionAndEveryLastingJob() throws Exception {
    JobStore source = InMemoryJobStore.create();
    List<UUID> lasting = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lasting.add(source.create(JobCreateParams.builder().build()).id());
    }
    Path file = directory.resolve("busy.jsonl");
    CountDownLatch writing = new CountDownLatch(2);
    AtomicLong writes = new AtomicLong();

    List<Integer> overlapped =
        Parallel.inParallel(
            3,
            thread ->
                () -> {
                  if (thread > 0) {
                    try {
                      write(source, lasting, new SplittableRandom(thread), writes);
                    } finally {
                      writing.countDown();
                    }
                    return 0;
                  }
                  int overlapping = 0;
                  do {
                    long before = writes.get();
                    JobStoreSnapshot.write(source, file);
                    if (writes.get() != before) {
                      overlapping++;
                    }
                    JobStore copy = InMemoryJobStore.create();
                    JobStoreSnapshot.read(file, copy);
                    assertWholeVersions(copy, lasting);
                  } while (writing.getCount() > 0);
                  return overlapping;
                });

    assertThat(overlapped.get(0)).as("snapshots written while writers ran").isPositive();
  }

  /** Makes {@value #BUSY_WRITES} writes: updates, appends, and jobs created and deleted. */
  private static void write(
      JobStore store, List<UUID> lasting, SplittableRandom random, AtomicLong writes) {
    for (int i = 0; i < BUSY_WRITES; i++) {
      Parallel.stopIfInterrupted();
      UUID job = lasting.get(random.nextInt(lasting.size()));
      switch (random.nextInt(3)) {
        case 0 ->
            store.update(
                job,
                j -> {
                  long counter = j.numIterations().orElse(0L) + 1;
                  return j.withNumIterations(counter)
                      .withPromptSlug("v" + counter)
                      .withStatus(counter % 2 == 0 ? JobStatus.RUNNING : JobStatus.COMPLETED);
                });
        case 1 ->
            store.appendIteration(job, IterationCreateParams.builder().iterationName("i").build());
        default -> store.delete(store.create(JobCreateParams.builder().build()).id());
      }
      writes.incrementAndGet();
    }
  }

  private static void assertWholeVersions(JobStore copy, List<UUID> lasting) {
    List<Job> jobs = all(copy);
    Set<UUID> ids = new HashSet<>();
    for (Job job : jobs) {
      assertThat(ids.add(job.id())).as("job %s once", job.id()).isTrue();
      long counter = job.numIterations().orElse(0L);
      assertThat(job.promptSlug())
          .isEqualTo(counter == 0 ? Optional.empty() : Optional.of("v" + counter));
      assertThat(job.status())
          .isEqualTo(
              counter == 0
                  ? JobStatus.PENDING
                  : counter % 2 == 0 ? JobStatus.RUNNING : JobStatus.COMPLETED);
    }
    assertThat(ids).containsAll(lasting);
  }

  /**
   * A store with {@code minJobs} to {@code minJobs + 11} jobs made through its API: random params,
   * iterations and updates, some created in the same microsecond, one perhaps deleted.
   */
  private static JobStore fill(long seed, int minJobs) {
    RandomGenerator random = new SplittableRandom(seed);
    MutableClock clock = new MutableClock(START);
    JobStore store = InMemoryJobStore.builder().clock(clock).build();
    int jobs = random.nextInt(minJobs, minJobs + 12);
    List<Job> created = new ArrayList<>();
    for (int i = 0; i < jobs; i++) {
      if (random.nextBoolean()) {
        clock.advance(Duration.ofNanos(random.nextLong(1, 3_000)));
      }
      Job job = store.create(JobGenerators.validCreateParams().next(random));
      created.add(job);
      int iterations = random.nextInt(0, 4);
      for (int k = 0; k < iterations; k++) {
        try {
          store.appendIteration(job.id(), JobGenerators.validIterationCreateParams().next(random));
        } catch (ValidationException e) {
          // An order after the largest one: the store refuses it, and the job stays as it was.
        }
      }
      if (random.nextInt(4) == 0) {
        store.update(job.id(), j -> j.withStatus(JobStatus.COMPLETED));
      }
    }
    if (!created.isEmpty() && random.nextBoolean()) {
      store.delete(created.get(random.nextInt(created.size())).id());
    }
    return store;
  }

  private byte[] snapshotOf(JobStore store) throws IOException {
    Path file = directory.resolve("whole.jsonl");
    JobStoreSnapshot.write(store, file);
    return Files.readAllBytes(file);
  }

  /**
   * Asserts that reading {@code file} is refused with the message that names it and {@code
   * problem}, and that nothing is loaded.
   */
  private static void assertRefused(Path file, String problem) {
    JobStore target = InMemoryJobStore.create();
    assertThatExceptionOfType(InvalidSnapshotException.class)
        .isThrownBy(() -> JobStoreSnapshot.read(file, target))
        .withMessage("Cannot read the snapshot " + file + ": " + problem);
    assertThat(all(target)).isEmpty();
  }

  /** The first line of a snapshot of {@code jobs} jobs, in format {@code version}. */
  private static String header(int version, int jobs) {
    return "{\"format\":\"jobstore-snapshot\",\"version\":" + version + ",\"jobs\":" + jobs + "}\n";
  }

  private static void assertRefusedWithNothingLoaded(Path file) {
    JobStore target = InMemoryJobStore.create();
    assertThatExceptionOfType(InvalidSnapshotException.class)
        .isThrownBy(() -> JobStoreSnapshot.read(file, target))
        .withMessageStartingWith("Cannot read the snapshot " + file + ": ");
    assertThat(all(target)).isEmpty();
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Job> all(JobStore store) {
    return store
        .list(JobQuery.builder().pageSize(Integer.MAX_VALUE).build())
        .results()
        .castToList();
  }
}
