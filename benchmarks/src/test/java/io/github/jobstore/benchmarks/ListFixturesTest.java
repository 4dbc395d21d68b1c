package io.github.jobstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.benchmarks.ListFixtures.Filter;
import io.github.jobstore.core.Job;
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
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ListBenchmark}'s jobs hold what {@link ListFixtures} promises, and the H2 peer lists them
 * as {@link InMemoryJobStore} does (same count, same ids in the same order) at page 1 and the deep
 * page, on 10,000 jobs.
 */
class ListFixturesTest {

  private static final int SIZE = 10_000;
  private static final InMemoryJobStore STORE = InMemoryJobStore.create();
  private static final List<Job> JOBS = ListFixtures.populate(STORE, SIZE);
  private static final UUID PROJECT = ListFixtures.project(JOBS);
  private static H2JobTable table;

  @BeforeAll
  static void load() throws SQLException {
    table = H2JobTable.of(JOBS);
  }

  @AfterAll
  static void close() throws SQLException {
    table.close();
  }

  @Test
  void onePercentOfTheJobsFailedAndTheCombinedFilterMatches() {
    assertThat(STORE.list(ListFixtures.query(Filter.FAILED, PROJECT)).count()).isEqualTo(100);
    assertThat(STORE.list(ListFixtures.query(Filter.NONE, PROJECT)).count()).isEqualTo(SIZE);
    assertThat(STORE.list(ListFixtures.query(Filter.PROJECT, PROJECT)).count()).isBetween(50, 150);
    assertThat(STORE.list(ListFixtures.query(Filter.FAILED_IN_PROJECT, PROJECT)).count())
        .isPositive();
  }

  @Test
  void theDeepPageIsPage100OrTheLastPage() {
    assertThat(ListFixtures.deepPage(JOBS, Filter.NONE, PROJECT)).isEqualTo(100);
    assertThat(ListFixtures.deepPage(JOBS, Filter.FAILED, PROJECT)).isEqualTo(2);
    assertThat(ListFixtures.deepPage(JOBS.subList(0, 4_950), Filter.NONE, PROJECT)).isEqualTo(99);
    assertThat(ListFixtures.deepPage(JOBS.subList(0, 4_951), Filter.NONE, PROJECT)).isEqualTo(100);
    assertThat(ListFixtures.deepPage(JOBS.subList(0, 1), Filter.FAILED, PROJECT)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Filter.class)
  void h2ListsWhatTheStoreLists(Filter filter) throws SQLException {
    JobQuery query = ListFixtures.query(filter, PROJECT);
    H2Condition where = ListFixtures.condition(filter, PROJECT);
    for (int page : new int[] {1, ListFixtures.deepPage(JOBS, filter, PROJECT)}) {
      Page<Job> expected = STORE.list(query.withPage(page));
      H2JobTable.Rows rows = table.page(where, page, ListFixtures.PAGE_SIZE);
      assertThat(rows.count()).isEqualTo(expected.count());
      assertThat(rows.ids()).isEqualTo(expected.results().collect(Job::id).castToList());
      assertThat(rows.ids()).isNotEmpty();
    }
  }

  @Test
  void anotherConnectionSeesTheSameTable() throws SQLException {
    try (H2JobTable other = table.connect()) {
      assertThat(other.page(ListFixtures.condition(Filter.NONE, PROJECT), 1, 1).count())
          .isEqualTo(SIZE);
    }
    assertThat(table.page(ListFixtures.condition(Filter.NONE, PROJECT), 1, 1).count())
        .isEqualTo(SIZE);
  }
}
