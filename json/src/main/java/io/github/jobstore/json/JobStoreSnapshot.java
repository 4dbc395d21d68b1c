package io.github.jobstore.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.ValidationException;
import io.github.jobstore.json.SnapshotProgress.Stage;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.eclipse.collections.api.list.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * Writes every job of a {@link JobStore} to a file and restores them into any store: to keep jobs
 * across a restart, or to move them between stores (from a test into a running system, from memory
 * to a cluster, and back).
 *
 * <h2>The file</h2>
 *
 * <p>JSON Lines in UTF-8: a header line, one line per job, oldest first, in the API's JSON with its
 * iterations ({@link JobJson#write(Job)}), and a last line that repeats the count and holds a
 * CRC-32C of the job lines:
 *
 * <pre>
 * {"format":"jobstore-snapshot","version":1,"jobs":2}
 * {"id":"…","created_at":"…","iterations":[…],…}
 * {"id":"…","created_at":"…","iterations":[],…}
 * {"end":"jobstore-snapshot","jobs":2,"crc32c":"5f1d7b0e"}
 * </pre>
 *
 * <h2>Guarantees</h2>
 *
 * <p>{@link #write} takes the jobs with one query, so each job is written in one version even while
 * writers run, and every job that existed throughout is written once. It writes a temporary file
 * beside the target, forces it to disk, and renames it over the target: a reader of the path sees
 * the old file or the whole new one, never part of it, and a failed write leaves the old file.
 *
 * <p>{@link #read} reads and checks the whole file before it loads anything: a file that is
 * truncated, corrupt, not a snapshot, or of a newer format is an {@link InvalidSnapshotException},
 * and a job or iteration the target already has is an {@link IllegalStateException}, both with the
 * target unchanged. It then restores each job exactly ({@link JobStore#restore}: ids, timestamps,
 * statuses, iterations), oldest first, so jobs created in the same microsecond keep their order. If
 * a restore still fails (a writer took one of the ids meanwhile), the jobs already restored are
 * deleted again before the exception is rethrown.
 *
 * <p>Thread-safe: every method works on its own file and state. Long snapshots report progress to a
 * {@link SnapshotProgress}.
 */
public final class JobStoreSnapshot {

  /** How many jobs a stage handles between two reports of progress. */
  public static final int PROGRESS_STEP = 10_000;

  static final String FORMAT = "jobstore-snapshot";
  static final int VERSION = 1;

  private static final JobJson JSON = JobJson.create();
  private static final ObjectMapper FRAMING = new ObjectMapper();

  private JobStoreSnapshot() {}

  /**
   * Writes every job of {@code store} to {@code file}, replacing it atomically.
   *
   * @return the number of jobs written
   * @throws IOException if the file cannot be written; the old file, if any, is left as it was
   */
  public static long write(JobStore store, Path file) throws IOException {
    return write(store, file, SnapshotProgress.NONE);
  }

  /**
   * Writes every job of {@code store} to {@code file}, replacing it atomically, and reports the
   * jobs written to {@code progress}.
   *
   * @return the number of jobs written
   * @throws IOException if the file cannot be written; the old file, if any, is left as it was
   */
  public static long write(JobStore store, Path file, SnapshotProgress progress)
      throws IOException {
    requireNonNull(store, "store");
    requireNonNull(progress, "progress");
    Path target = requireNonNull(file, "file").toAbsolutePath();
    Path directory = requireNonNull(target.getParent(), "a file has a parent directory");
    ImmutableList<Job> newestFirst =
        store.list(JobQuery.builder().pageSize(Integer.MAX_VALUE).build()).results();
    long total = newestFirst.size();
    Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        out.write(header(total).getBytes(UTF_8));
        CRC32C checksum = new CRC32C();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
          byte[] line = (JSON.write(newestFirst.get(i)) + "\n").getBytes(UTF_8);
          checksum.update(line);
          out.write(line);
          report(progress, Stage.WRITE, total - i, total);
        }
        out.write(trailer(total, checksum.getValue()).getBytes(UTF_8));
        out.flush();
        channel.force(true);
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    forceDirectory(directory);
    return total;
  }

  /**
   * Restores every job of the snapshot {@code file} into {@code target}.
   *
   * @return the number of jobs restored
   * @throws InvalidSnapshotException if the file is not a whole, intact snapshot of a format this
   *     version reads; nothing is loaded
   * @throws IllegalStateException if {@code target} already has a job or an iteration of the
   *     snapshot; nothing is loaded
   * @throws IOException if the file cannot be read; nothing is loaded
   */
  public static long read(Path file, JobStore target) throws IOException {
    return read(file, target, SnapshotProgress.NONE);
  }

  /**
   * Restores every job of the snapshot {@code file} into {@code target}, and reports the jobs
   * checked, then restored, to {@code progress}.
   *
   * @return the number of jobs restored
   * @throws InvalidSnapshotException if the file is not a whole, intact snapshot of a format this
   *     version reads; nothing is loaded
   * @throws IllegalStateException if {@code target} already has a job or an iteration of the
   *     snapshot; nothing is loaded
   * @throws IOException if the file cannot be read; nothing is loaded
   */
  public static long read(Path file, JobStore target, SnapshotProgress progress)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(target, "target");
    requireNonNull(progress, "progress");
    List<Job> jobs = check(file, target, progress);
    List<UUID> restored = new ArrayList<>(jobs.size());
    try {
      for (Job job : jobs) {
        target.restore(job);
        restored.add(job.id());
        report(progress, Stage.RESTORE, restored.size(), jobs.size());
      }
    } catch (RuntimeException | Error e) {
      restored.forEach(target::delete);
      throw e;
    }
    return restored.size();
  }

  /** Reads the whole file and checks it, and that {@code target} has none of its ids. */
  private static List<Job> check(Path file, JobStore target, SnapshotProgress progress)
      throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
      long total = readHeader(file, in.readLine());
      List<Job> jobs = new ArrayList<>((int) Math.min(total, 1 << 20));
      Map<UUID, Long> firstLines = new HashMap<>();
      CRC32C checksum = new CRC32C();
      for (long number = 2; number <= total + 1; number++) {
        String line = in.readLine();
        if (line == null) {
          throw new InvalidSnapshotException(
              file, "it is truncated: it ends after " + (number - 2) + " of " + total + " jobs");
        }
        checksum.update((line + "\n").getBytes(UTF_8));
        Job job = readJob(file, number, line);
        checkIds(file, number, job, target, firstLines);
        jobs.add(job);
        report(progress, Stage.CHECK, jobs.size(), total);
      }
      readTrailer(file, in.readLine(), total, checksum.getValue());
      if (in.readLine() != null) {
        throw new InvalidSnapshotException(file, "it has more after its last line");
      }
      return jobs;
    } catch (CharacterCodingException e) {
      throw new InvalidSnapshotException(file, "it is not UTF-8 text");
    }
  }

  private static long readHeader(Path file, @Nullable String line) throws IOException {
    if (line == null) {
      throw new InvalidSnapshotException(file, "it is empty");
    }
    JsonNode header = framing(line);
    if (header == null || !FORMAT.equals(header.path("format").asText(null))) {
      throw new InvalidSnapshotException(
          file, "it is not a jobstore snapshot (its first line is not a snapshot header)");
    }
    JsonNode version = header.path("version");
    if (!version.isIntegralNumber() || version.asLong() != VERSION) {
      throw new InvalidSnapshotException(
          file,
          "it has format version " + version + ", and this version of jobstore reads " + VERSION);
    }
    JsonNode jobs = header.path("jobs");
    if (!jobs.isIntegralNumber()
        || !jobs.canConvertToLong()
        || jobs.asLong() < 0
        || !(line + "\n").equals(header(jobs.asLong()))) {
      throw new InvalidSnapshotException(file, "its first line is not a snapshot header");
    }
    return jobs.asLong();
  }

  private static void readTrailer(Path file, @Nullable String line, long total, long checksum)
      throws IOException {
    if (line == null) {
      throw new InvalidSnapshotException(file, "it is truncated: its last line is missing");
    }
    JsonNode trailer = framing(line);
    String expected = trailer == null ? "" : trailer.path("crc32c").asText("");
    if (trailer == null || !(line + "\n").equals(trailer(total, parseHex(expected)))) {
      throw new InvalidSnapshotException(
          file,
          "line " + (total + 2) + " is not the last line of a snapshot of " + total + " jobs");
    }
    if (!expected.equals(hex(checksum))) {
      throw new InvalidSnapshotException(
          file,
          "it is corrupt: its jobs' checksum is "
              + hex(checksum)
              + ", and its last line says "
              + expected);
    }
  }

  private static Job readJob(Path file, long number, String line) throws IOException {
    try {
      return JSON.readJob(line);
    } catch (ValidationException | MalformedJsonException e) {
      throw new InvalidSnapshotException(file, number, "is not a job: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that neither the job's id nor its iterations' appear earlier in the file or in {@code
   * target}.
   */
  private static void checkIds(
      Path file, long number, Job job, JobStore target, Map<UUID, Long> firstLines)
      throws IOException {
    checkUnique(file, number, "job", job.id(), firstLines);
    if (target.find(job.id()).isPresent()) {
      throw new IllegalStateException(
          "The target store already has job "
              + job.id()
              + " (line "
              + number
              + " of "
              + file
              + "); nothing was restored.");
    }
    for (Iteration iteration : job.iterations()) {
      checkUnique(file, number, "iteration", iteration.id(), firstLines);
      if (target.findIteration(iteration.id()).isPresent()) {
        throw new IllegalStateException(
            "The target store already has iteration "
                + iteration.id()
                + " (line "
                + number
                + " of "
                + file
                + "); nothing was restored.");
      }
    }
  }

  private static void checkUnique(
      Path file, long number, String kind, UUID id, Map<UUID, Long> firstLines) throws IOException {
    Long first = firstLines.putIfAbsent(id, number);
    if (first != null) {
      throw new InvalidSnapshotException(
          file,
          "line "
              + number
              + " repeats the id of "
              + kind
              + " "
              + id
              + " (first on line "
              + first
              + ")");
    }
  }

  /** The header or last line as a JSON object, or null when it is not one. */
  private static @Nullable JsonNode framing(String line) {
    try {
      JsonNode node = FRAMING.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String header(long jobs) {
    return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"jobs\":" + jobs + "}\n";
  }

  private static String trailer(long jobs, long checksum) {
    return "{\"end\":\""
        + FORMAT
        + "\",\"jobs\":"
        + jobs
        + ",\"crc32c\":\""
        + hex(checksum)
        + "\"}\n";
  }

  /** The checksum written as {@code hex}, or -1 when it is not 8 lowercase hexadecimal digits. */
  private static long parseHex(String hex) {
    return hex.matches("[0-9a-f]{8}") ? Long.parseLong(hex, 16) : -1;
  }

  private static String hex(long checksum) {
    return String.format("%08x", checksum);
  }

  private static void report(SnapshotProgress progress, Stage stage, long done, long total) {
    if (done % PROGRESS_STEP == 0 || done == total) {
      progress.update(stage, done, total);
    }
  }

  /**
   * Forces the directory, so the rename survives a crash. Some platforms cannot open a directory
   * for that; the rename has happened, so the snapshot is still whole, only perhaps not yet
   * durable.
   */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not durable on this platform; see above.
    }
  }
}
