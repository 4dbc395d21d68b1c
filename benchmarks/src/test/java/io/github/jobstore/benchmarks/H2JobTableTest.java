package io.github.jobstore.benchmarks;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.Page;
import io.github.jobstore.testkit.Generator;
import io.github.jobstore.testkit.Property;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL peer answers as {@link InMemoryJobStore} does, on the benchmarks' own data (10,000 jobs
 * of {@link SearchFixtures}; {@link Fixtures#populate}'s 1,000 for {@link ConcurrentBenchmark}'s
 * updates): same ids in the same order, same count.
 */
class H2JobTableTest {

  private static final InMemoryJobStore STORE = InMemoryJobStore.create();
  private static final List<Job> JOBS = SearchFixtures.populate(STORE, 10_000);

  /** Steps of {@link #runAgainstTheStore}: 40 numbers from 0 to 99. */
  private static final Generator<List<Integer>> SCRIPTS =
      random -> random.ints(40, 0, 100).boxed().toList();

  private static H2JobTable table;

  @BeforeAll
  static void load() throws SQLException {
    table = H2JobTable.of(JOBS);
  }

  @AfterAll
  static void close() throws SQLException {
    table.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        SearchFixtures.NONE,
        SearchFixtures.RARE,
        SearchFixtures.TWO_PARTS,
        SearchFixtures.COMMON,
        "%",
        "_",
        "\\",
        " ,, ",
        "GEMINI,eval-9 prompt-0001"
      })
  void searchFindsWhatTheStoreFindsOnEachPage(String term) throws SQLException {
    JobQuery query = JobQuery.builder().search(term).pageSize(100).build();
    Page<Job> first = STORE.list(query);
    H2JobTable.Rows rows = table.page(H2Condition.search(term), 1, 100);
    assertThat(rows.count()).isEqualTo(first.count());
    assertThat(rows.ids()).isEqualTo(first.results().collect(Job::id).castToList());
    if (first.count() > 100) {
      Page<Job> second = STORE.list(query.withPage(2));
      assertThat(table.page(H2Condition.search(term), 2, 100).ids())
          .isEqualTo(second.results().collect(Job::id).castToList());
    }
  }

  @Test
  void searchCountsAreTheOnesTheFixturesPromise() throws SQLException {
    assertThat(count(SearchFixtures.NONE)).isZero();
    assertThat(count(SearchFixtures.RARE)).isEqualTo(1);
    assertThat(count(SearchFixtures.TWO_PARTS)).isEqualTo(25);
    assertThat(count(SearchFixtures.COMMON)).isEqualTo(2_500);
  }

  @Test
  void aConditionOfAFilterCombinesWithASearch() throws SQLException {
    H2Condition where = H2Condition.of("status = ?", JobStatus.COMPLETED.wireValue());
    assertThat(table.page(where, 1, 10).count()).isEqualTo(10_000);
    H2Condition none = H2Condition.of("status = ?", "failed");
    assertThat(table.page(none, 1, 10).count()).isZero();
  }

  @Test
  void createInsertsARowThatGetReadsBack() throws SQLException {
    UUID project = UUID.randomUUID();
    try (H2JobTable empty = H2JobTable.empty()) {
      UUID id = empty.create(Fixtures.typicalJob(project, JobStatus.RUNNING));
      Object[] row = empty.get(id).orElseThrow();
      assertThat(row).hasSize(15);
      assertThat(row[0]).isEqualTo(id);
      assertThat(row[2]).isEqualTo(project);
      assertThat(row[4]).isEqualTo("running");
      assertThat(empty.get(UUID.randomUUID())).isEmpty();
      UUID second = empty.create(JobCreateParams.builder().build());
      assertThat(empty.get(second).orElseThrow()[4]).isEqualTo("pending");
      assertThat(empty.page(H2Condition.of("TRUE"), 1, 10).ids()).containsExactly(second, id);
    }
  }

  @Test
  void updateSetsStatusScoreAndUpdatedAtOfOneRowOnly() throws SQLException {
    try (H2JobTable empty = H2JobTable.empty()) {
      UUID id = empty.create(Fixtures.typicalJob(UUID.randomUUID(), JobStatus.RUNNING));
      UUID other = empty.create(Fixtures.typicalJob(UUID.randomUUID(), JobStatus.RUNNING));
      assertThat(empty.update(id, JobStatus.COMPLETED, 0.9)).isTrue();
      Object[] row = empty.get(id).orElseThrow();
      assertThat(row[4]).isEqualTo("completed");
      assertThat(row[11]).isEqualTo(0.9);
      assertThat((OffsetDateTime) row[10]).isAfterOrEqualTo((OffsetDateTime) row[9]);
      assertThat(empty.get(other).orElseThrow()[4]).isEqualTo("running");
      assertThat(empty.get(other).orElseThrow()[11]).isNull();
      assertThat(empty.update(UUID.randomUUID(), JobStatus.COMPLETED, 0.9)).isFalse();
    }
  }

  @Test
  void createsUpdatesAndTheRunningQueryAgreeWithTheStore() {
    Property.forAll(
        20,
        SCRIPTS,
        script -> {
          try {
            runAgainstTheStore(script);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Runs {@code script} against a store of {@link Fixtures#populate}'s 1,000 jobs and an H2 copy,
   * through another connection, as {@link ConcurrentBenchmark} does: a step below 50 creates a
   * running job in both; any other finishes one of the running jobs the script created, if any (or
   * creates one). After every step both list the same running jobs, newest first.
   */
  private static void runAgainstTheStore(List<Integer> script) throws SQLException {
    InMemoryJobStore store = InMemoryJobStore.create();
    Fixtures.Population population = Fixtures.populate(store, 1_000);
    List<Job> jobs = Arrays.stream(population.ids()).map(store::get).toList();
    JobCreateParams request = Fixtures.typicalJob(population.projects()[0], Fixtures.ACTIVE);
    // The store and the table give a created job different ids: the table's id of each store id.
    Map<UUID, UUID> tableIds = new HashMap<>();
    jobs.forEach(job -> tableIds.put(job.id(), job.id()));
    List<UUID> created = new ArrayList<>();
    try (H2JobTable copy = H2JobTable.of(jobs);
        H2JobTable connection = copy.connect()) {
      assertThat(running(connection)).isEqualTo(running(store, tableIds)).hasSize(10);
      for (int step : script) {
        if (step < 50 || created.isEmpty()) {
          UUID id = store.create(request).id();
          tableIds.put(id, connection.create(request));
          created.add(id);
        } else {
          UUID id = created.remove(step % created.size());
          Job finished =
              store.update(id, job -> job.withStatus(JobStatus.COMPLETED).withBestScore(0.9));
          UUID tableId = requireNonNull(tableIds.get(id));
          assertThat(connection.update(tableId, JobStatus.COMPLETED, 0.9)).isTrue();
          Object[] row = connection.get(tableId).orElseThrow();
          assertThat(row[4]).isEqualTo(finished.status().wireValue());
          assertThat(row[11]).isEqualTo(finished.bestScore().orElseThrow());
        }
        assertThat(running(connection)).isEqualTo(running(store, tableIds));
      }
    }
  }

  private static List<UUID> running(H2JobTable connection) throws SQLException {
    return connection.ids(H2Condition.of("status = ?", Fixtures.ACTIVE.wireValue()));
  }

  private static List<UUID> running(InMemoryJobStore store, Map<UUID, UUID> tableIds) {
    return store.findByStatus(Fixtures.ACTIVE).collect(job -> tableIds.get(job.id())).castToList();
  }

  private static long count(String term) throws SQLException {
    return table.page(H2Condition.search(term), 1, 100).count();
  }
}
