package io.github.jobstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InMemoryJobStore;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.Page;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL peer answers as {@link InMemoryJobStore} does, on the benchmark's own data (10,000 jobs
 * of {@link SearchFixtures}): same ids in the same order, same count.
 */
class H2JobTableTest {

  private static final InMemoryJobStore STORE = InMemoryJobStore.create();
  private static final List<Job> JOBS = SearchFixtures.populate(STORE, 10_000);
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
    H2JobTable.Rows rows = table.page(H2JobTable.Condition.search(term), 1, 100);
    assertThat(rows.count()).isEqualTo(first.count());
    assertThat(rows.ids()).isEqualTo(first.results().collect(Job::id).castToList());
    if (first.count() > 100) {
      Page<Job> second = STORE.list(query.withPage(2));
      assertThat(table.page(H2JobTable.Condition.search(term), 2, 100).ids())
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
    H2JobTable.Condition where =
        H2JobTable.Condition.of("status = ?", JobStatus.COMPLETED.wireValue());
    assertThat(table.page(where, 1, 10).count()).isEqualTo(10_000);
    H2JobTable.Condition none = H2JobTable.Condition.of("status = ?", "failed");
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
      assertThat(empty.page(H2JobTable.Condition.of("TRUE"), 1, 10).ids())
          .containsExactly(second, id);
    }
  }

  private static long count(String term) throws SQLException {
    return table.page(H2JobTable.Condition.search(term), 1, 100).count();
  }
}
