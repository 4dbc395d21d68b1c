package io.github.jobstore.testkit.contract;

import static io.github.jobstore.testkit.contract.JobStoreContractFixture.ids;
import static io.github.jobstore.testkit.contract.JobStoreContractFixture.reversed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the pagination of {@link JobStore#list}: page sizes, the count and the
 * links of each page, and the pages that do not exist.
 */
interface JobStoreListPaginationContract extends JobStoreContractFixture {

  @Test
  default void listHoldsAHundredJobsAPageByDefault() {
    List<UUID> created = createMany(101);

    Page<Job> page = store().list(JobQuery.builder().build());

    assertThat(ids(page.results())).containsExactlyElementsOf(reversed(created.subList(1, 101)));
    assertThat(page.pageSize()).isEqualTo(100);
    assertThat(page.hasNext()).isTrue();
  }

  @Test
  default void listSecondPageOfTheDefaultSizeHoldsTheRest() {
    List<UUID> created = createMany(101);

    assertThat(list(q -> q.page(2))).containsExactly(created.get(0));
  }

  @Test
  default void listSplitsTheResultsIntoPagesOfPageSize() {
    List<UUID> created = createMany(5);

    assertThat(list(q -> q.pageSize(2).page(1))).containsExactly(created.get(4), created.get(3));
    assertThat(list(q -> q.pageSize(2).page(2))).containsExactly(created.get(2), created.get(1));
    assertThat(list(q -> q.pageSize(2).page(3))).containsExactly(created.get(0));
  }

  @Test
  default void listCountsEveryMatchOnEveryPage() {
    createMany(5);
    create(p -> p.status(JobStatus.FAILED));

    for (int page = 1; page <= 3; page++) {
      assertThat(page(q -> q.status(JobStatus.PENDING).pageSize(2), page).count()).isEqualTo(5);
    }
  }

  @Test
  default void listReportsThePageNumberAndSizeAsked() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.page()).isEqualTo(2);
    assertThat(page.pageSize()).isEqualTo(2);
  }

  @Test
  default void listFirstPageHasANextButNoPrevious() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 1);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  default void listMiddlePageHasANextAndAPrevious() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.hasNext()).isTrue();
    assertThat(page.hasPrevious()).isTrue();
  }

  @Test
  default void listLastPageHasAPreviousButNoNext() {
    createMany(5);

    Page<Job> page = page(q -> q.pageSize(2), 3);

    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isTrue();
  }

  @Test
  default void listFullLastPageHasNoNext() {
    createMany(4);

    Page<Job> page = page(q -> q.pageSize(2), 2);

    assertThat(page.results()).hasSize(2);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  default void listOnlyPageHasNeitherNextNorPrevious() {
    createMany(2);

    Page<Job> page = page(q -> q.pageSize(2), 1);

    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  default void listPagePastTheLastThrowsInvalidPage() {
    createMany(4);

    assertInvalidPage(() -> page(q -> q.pageSize(2), 3));
  }

  @Test
  default void listLargestPageNumberThrowsInvalidPage() {
    createMany(3);

    assertInvalidPage(() -> page(q -> q.pageSize(Integer.MAX_VALUE), Integer.MAX_VALUE));
  }

  @Test
  default void listPagePastTheLastOfAFilteredResultThrowsInvalidPage() {
    createMany(4);
    create(p -> p.status(JobStatus.FAILED));

    assertInvalidPage(() -> page(q -> q.status(JobStatus.FAILED).ordering("status"), 2));
  }

  @Test
  default void listFirstPageOfAnEmptyStoreIsEmpty() {
    Page<Job> page = page(q -> q, 1);

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  default void listFirstPageOfAFilterMatchingNothingIsEmpty() {
    createMany(3);

    Page<Job> page = page(q -> q.status(JobStatus.RUNNING).ordering("best_score"), 1);

    assertThat(page.results()).isEmpty();
    assertThat(page.count()).isZero();
  }

  @Test
  default void listSecondPageOfAnEmptyResultThrowsInvalidPage() {
    assertInvalidPage(() -> page(q -> q, 2));
  }

  @Test
  default void listPageZeroThrowsInvalidPage() {
    createMany(3);

    assertInvalidPage(() -> page(q -> q, 0));
  }

  @Test
  default void listNegativePageThrowsInvalidPage() {
    createMany(3);

    assertInvalidPage(() -> page(q -> q, -1));
  }

  // helpers

  /** Checks that {@code list} throws {@link InvalidPageException} with the API's message. */
  private static void assertInvalidPage(ThrowingCallable list) {
    assertThatThrownBy(list).isInstanceOf(InvalidPageException.class).hasMessage("Invalid page.");
  }

  /** Creates {@code count} pending jobs and returns their ids, oldest first. */
  private List<UUID> createMany(int count) {
    List<UUID> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(create().id());
    }
    return created;
  }
}
