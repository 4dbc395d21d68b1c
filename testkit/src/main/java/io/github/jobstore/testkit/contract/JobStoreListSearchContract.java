package io.github.jobstore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract's tests of the {@code search} of {@link JobStore#list}, the API's {@code
 * SearchFilter}: each search field, case ignored as PostgreSQL's {@code UPPER} ignores it, every
 * part of the term required (in any field), the separators, a blank term, and search combined with
 * filters, ordering and pages.
 */
interface JobStoreListSearchContract extends JobStoreContractFixture {

  @Test
  default void searchMatchesPartOfThePromptSlug() {
    Job match = create(p -> p.promptSlug("summarize-news"));
    create(p -> p.promptSlug("translate"));
    create();

    assertThat(list(q -> q.search("news"))).containsExactly(match.id());
  }

  @Test
  default void searchMatchesPartOfTheAnalyzerModel() {
    Job match = create(p -> p.analyzerModel("gpt-4o-mini"));
    create(p -> p.analyzerModel("claude"));
    create();

    assertThat(list(q -> q.search("4o"))).containsExactly(match.id());
  }

  @Test
  default void searchMatchesPartOfTheDataSource() {
    Job match = create(p -> p.dataSource("s3-bucket"));
    create(p -> p.dataSource("gcs"));
    create();

    assertThat(list(q -> q.search("bucket"))).containsExactly(match.id());
  }

  @Test
  default void searchLooksAtNoOtherField() {
    create(
        p ->
            p.celeryTaskId("needle")
                .reportMarkdown("needle")
                .bestAgentCode("needle")
                .status(JobStatus.RUNNING));

    assertThat(list(q -> q.search("needle"))).isEmpty();
    assertThat(list(q -> q.search("running"))).isEmpty();
  }

  @Test
  default void searchIgnoresCase() {
    Job lower = create(p -> p.promptSlug("summarize"));
    Job upper = create(p -> p.analyzerModel("SUMMARIZER"));
    Job mixed = create(p -> p.dataSource("SumMarize"));

    assertThat(list(q -> q.search("sUMmAR"))).containsExactly(mixed.id(), upper.id(), lower.id());
  }

  @Test
  default void searchIgnoresTheCaseOfNonAsciiLettersOneCharacterAtATime() {
    Job greek = create(p -> p.promptSlug("\u03C3\u03CD\u03BD\u03BF\u03C8\u03B7"));
    Job accented = create(p -> p.analyzerModel("\u00C9mile"));
    Job sharpS = create(p -> p.dataSource("stra\u00DFe"));

    assertThat(list(q -> q.search("\u03A3\u038E\u039D"))).containsExactly(greek.id());
    assertThat(list(q -> q.search("\u00E9MI"))).containsExactly(accented.id());
    assertThat(list(q -> q.search("STRA\u00DFE"))).containsExactly(sharpS.id());
    assertThat(list(q -> q.search("strasse")))
        .as("PostgreSQL's upper() keeps \u00DF (sharp s), so it does not match SS")
        .isEmpty();
  }

  @Test
  default void searchRequiresEveryPartToMatch() {
    Job both = create(p -> p.promptSlug("daily-summary"));
    create(p -> p.promptSlug("daily-report"));
    create(p -> p.promptSlug("weekly-summary"));

    assertThat(list(q -> q.search("daily summary"))).containsExactly(both.id());
  }

  @Test
  default void searchLetsEachPartMatchInAnyField() {
    Job split = create(p -> p.promptSlug("summarize").analyzerModel("claude"));
    Job allInOne = create(p -> p.dataSource("summarize-claude"));
    create(p -> p.promptSlug("summarize").analyzerModel("gpt"));
    create(p -> p.analyzerModel("claude"));

    assertThat(list(q -> q.search("claude summarize"))).containsExactly(allInOne.id(), split.id());
  }

  @Test
  default void searchSplitsTheTermAtCommasAndWhiteSpace() {
    Job match = create(p -> p.promptSlug("alpha").analyzerModel("beta").dataSource("gamma"));
    create(p -> p.promptSlug("alpha").analyzerModel("beta"));

    assertThat(list(q -> q.search("alpha,beta gamma"))).containsExactly(match.id());
    assertThat(list(q -> q.search(",alpha,, \tbeta\u00A0gamma\u2003,")))
        .containsExactly(match.id());
  }

  @Test
  default void searchKeepsAQuotedPhraseTogether() {
    Job phrase = create(p -> p.promptSlug("new york times"));
    Job words = create(p -> p.promptSlug("york, new"));

    assertThat(list(q -> q.search("new york"))).containsExactly(words.id(), phrase.id());
    assertThat(list(q -> q.search("\"new york\""))).containsExactly(phrase.id());
    assertThat(list(q -> q.search("'york, new'"))).containsExactly(words.id());
  }

  @Test
  default void searchWithABlankTermFiltersNothing() {
    Job first = create();
    Job second = create(p -> p.promptSlug("slug"));

    assertThat(list(q -> q.search(""))).containsExactly(second.id(), first.id());
    assertThat(list(q -> q.search(" \t\u00A0\u2007\u202F\u0085")))
        .containsExactly(second.id(), first.id());
    assertThat(list(q -> q.search(", ,,"))).containsExactly(second.id(), first.id());
  }

  @Test
  default void searchPartMayBeTheWholeField() {
    Job exact = create(p -> p.dataSource("s3"));
    Job longer = create(p -> p.dataSource("s3-eu"));

    assertThat(list(q -> q.search("S3"))).containsExactly(longer.id(), exact.id());
    assertThat(list(q -> q.search("s3-eu"))).containsExactly(longer.id());
  }

  @Test
  default void searchPartLongerThanEveryFieldMatchesNothing() {
    create(p -> p.promptSlug("abc").analyzerModel("abc").dataSource("abc"));

    assertThat(list(q -> q.search("abcabc"))).isEmpty();
  }

  @Test
  default void searchTakesLikeWildcardsLiterally() {
    Job percent = create(p -> p.promptSlug("100%"));
    create(p -> p.promptSlug("1000"));
    create(p -> p.promptSlug("a_b"));
    Job underscore = create(p -> p.promptSlug("a_c"));

    assertThat(list(q -> q.search("0%"))).containsExactly(percent.id());
    assertThat(list(q -> q.search("_c"))).containsExactly(underscore.id());
  }

  @Test
  default void searchCombinesWithTheOtherFiltersWithAnd() {
    UUID project = UUID.randomUUID();
    Job match = create(p -> p.project(project).status(JobStatus.RUNNING).promptSlug("summary"));
    create(p -> p.project(project).status(JobStatus.FAILED).promptSlug("summary"));
    create(p -> p.project(project).status(JobStatus.RUNNING).promptSlug("report"));
    Job otherProject = create(p -> p.status(JobStatus.RUNNING).promptSlug("summary"));

    assertThat(list(q -> q.project(project).status(JobStatus.RUNNING).search("summ")))
        .containsExactly(match.id());
    assertThat(list(q -> q.status(JobStatus.RUNNING).search("summ")))
        .containsExactly(otherProject.id(), match.id());
  }

  @Test
  default void searchIsCountedAndPagedAfterItFilters() {
    Job third = create(p -> p.promptSlug("match-3").bestScore(0.3));
    create(p -> p.promptSlug("other").bestScore(0.35));
    Job first = create(p -> p.promptSlug("match-1").bestScore(0.1));
    Job second = create(p -> p.promptSlug("match-2").bestScore(0.2));

    Page<Job> page = page(q -> q.search("MATCH").ordering("best_score").pageSize(2), 2);

    assertThat(JobStoreContractFixture.ids(page.results())).containsExactly(third.id());
    assertThat(page.count()).isEqualTo(3);
    assertThat(list(q -> q.search("match").ordering("best_score").pageSize(2)))
        .containsExactly(first.id(), second.id());
  }

  @Test
  default void searchSeesTheCurrentVersionOfAJob() {
    Job job = create(p -> p.promptSlug("before"));
    store().update(job.id(), j -> j.withPromptSlug("after"));

    assertThat(list(q -> q.search("before"))).isEmpty();
    assertThat(list(q -> q.search("after"))).containsExactly(job.id());
  }
}
