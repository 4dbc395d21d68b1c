package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.core.ValidationException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.set.ImmutableSet;
import org.immutables.value.Value;

/**
 * What {@link JobStore#list(JobQuery)} asks for: the API's {@code jobs.list} filters, search,
 * ordering and page. Every filter is optional and they combine with AND; every bound is inclusive.
 *
 * <p>{@code search} is DRF's {@code SearchFilter}: the term is split at white space and commas (a
 * quoted phrase stays one part), and every part must occur, ignoring case, in at least one of
 * {@code prompt_slug}, {@code analyzer_model} and {@code data_source}. A blank term filters
 * nothing. See {@link #search()} for the exact rules.
 *
 * <p>{@code ordering} is one or more of {@code created_at}, {@code updated_at}, {@code best_score},
 * {@code baseline_score}, {@code improvement}, {@code num_iterations}, {@code status}, {@code
 * job_type}, {@code prompt_slug}, separated by commas, each with a {@code -} prefix for descending
 * ({@code "status,-best_score"}); each later field breaks the ties of the earlier ones. The default
 * is {@code -created_at}. Empty values sort last ascending and first descending, and the remaining
 * ties go to the newest created job first. Unlike the API, which ignores an unknown field, {@link
 * Builder#build()} rejects one; each part must be a field exactly as listed, so an empty part
 * ({@code "status,"}) or one with white space around it is unknown too. Pages are numbered from 1
 * and hold 100 jobs unless {@code pageSize} says otherwise.
 *
 * <p>What a query costs in {@link InMemoryJobStore} ({@code n} jobs in the store, {@code k} the
 * page's offset): it reads the index of its {@code status}, of its {@code project} and {@code
 * status}, or of every job, each in the default order and counted; a query by {@code project} alone
 * reads that project's indexes of each status together.
 *
 * <ul>
 *   <li>No other filter and the default ordering: the count is the index's size, read in O(1), and
 *       the page is read from its position without walking the jobs before it: O(page) near either
 *       end, O(page + n / 256) at worst. By {@code project} alone, the walk steps over the {@code
 *       k} jobs before the page: O(k + page).
 *   <li>Other filters ({@code agent}, {@code job_type}, the exact strings, the time and score
 *       bounds, {@code search}) and the default ordering: one walk of the whole index, testing each
 *       job, to count the matches: O(index size).
 *   <li>Any other ordering: one walk that collects every match, then a sort: O(index size + m log
 *       m) for m matches, whatever the page.
 * </ul>
 *
 * <p>A search adds, per job it tests, a comparison of its three search fields with each part of the
 * term: it narrows what is returned, never what is walked, so a search alone walks all n jobs.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
@Value.Immutable
public abstract class JobQuery implements WithJobQuery {

  JobQuery() {}

  /** Returns a builder of queries: no filters, {@code -created_at}, page 1 of 100. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the fields {@link #ordering()} may name, each without the {@code -} prefix: {@code
   * created_at}, {@code updated_at}, {@code best_score}, {@code baseline_score}, {@code
   * improvement}, {@code num_iterations}, {@code status}, {@code job_type}, {@code prompt_slug}.
   * Lets a reader of the API's query string drop unknown fields, as the API does, before building.
   */
  public static ImmutableSet<String> orderingFields() {
    return JobOrdering.fields();
  }

  /** Returns a builder that starts from every setting of this query. */
  public final Builder toBuilder() {
    return builder().from(this);
  }

  /** Jobs of this {@code project}. */
  public abstract Optional<UUID> project();

  /** Jobs of this {@code agent}. */
  public abstract Optional<UUID> agent();

  /** Jobs with this {@code status}. */
  public abstract Optional<JobStatus> status();

  /** Jobs of this {@code job_type}. */
  public abstract Optional<JobType> jobType();

  /** Jobs whose {@code analyzer_model} is exactly this. */
  public abstract Optional<String> analyzerModel();

  /** Jobs whose {@code data_source} is exactly this. */
  public abstract Optional<String> dataSource();

  /** Jobs whose {@code prompt_slug} is exactly this. */
  public abstract Optional<String> promptSlug();

  /** Jobs created at or after this instant. */
  public abstract Optional<Instant> createdAfter();

  /** Jobs created at or before this instant. */
  public abstract Optional<Instant> createdBefore();

  /** Jobs whose {@code best_score} is at least this; jobs without one do not match. */
  public abstract Optional<Double> scoreMin();

  /** Jobs whose {@code best_score} is at most this; jobs without one do not match. */
  public abstract Optional<Double> scoreMax();

  /**
   * Jobs that the API's {@code search} term matches, as Django REST framework's (3.15) {@code
   * SearchFilter} reads it: the term is split at white space (Python's {@code str.isspace()}),
   * keeping a phrase in double or single quotes together (the quotes removed; a backslash escapes a
   * quote inside), then at commas; empty parts are dropped. Every part must occur in at least one
   * present field among {@code prompt_slug}, {@code analyzer_model} and {@code data_source}, case
   * ignored as PostgreSQL's {@code UPPER(field) LIKE UPPER('%part%')} ignores it: both sides are
   * upper-cased one code point at a time ({@link Character#toUpperCase(int)}), so {@code "ß"} stays
   * {@code "ß"} and does not match {@code "SS"}. A term with no parts (blank, or only commas)
   * filters nothing. Kept exactly as given.
   */
  public abstract Optional<String> search();

  /**
   * The parts of {@link #search()} that must each match, upper-cased; empty for no search. Computed
   * once per query.
   */
  @Value.Lazy
  ImmutableList<String> upperSearchTerms() {
    return Search.upperTerms(search());
  }

  /**
   * The fields to order by, separated by commas, each with {@code -} first for descending; {@code
   * -created_at} by default.
   */
  @Value.Default
  public String ordering() {
    return JobOrdering.DEFAULT;
  }

  /** The page to return, from 1; 1 by default. */
  @Value.Default
  public int page() {
    return 1;
  }

  /** The most jobs a page holds, at least 1; 100 by default. */
  @Value.Default
  public int pageSize() {
    return 100;
  }

  /**
   * True when {@code job} passes every filter of this query, {@code search} included: what {@link
   * JobStore#list} keeps, before ordering and paging. Another {@link JobStore} may use it to agree
   * with {@link InMemoryJobStore} exactly.
   */
  public final boolean matches(Job job) {
    return (project().isEmpty() || project().equals(job.project()))
        && (agent().isEmpty() || agent().equals(job.agent()))
        && (status().isEmpty() || status().get() == job.status())
        && (jobType().isEmpty() || jobType().equals(job.jobType()))
        && (analyzerModel().isEmpty() || analyzerModel().equals(job.analyzerModel()))
        && (dataSource().isEmpty() || dataSource().equals(job.dataSource()))
        && (promptSlug().isEmpty() || promptSlug().equals(job.promptSlug()))
        && (createdAfter().isEmpty() || !job.createdAt().isBefore(createdAfter().get()))
        && (createdBefore().isEmpty() || !job.createdAt().isAfter(createdBefore().get()))
        && QueryChecks.within(job.bestScore(), scoreMin(), scoreMax())
        && (upperSearchTerms().isEmpty()
            || Search.matches(
                upperSearchTerms(),
                List.of(job.promptSlug(), job.analyzerModel(), job.dataSource())));
  }

  /**
   * Returns the order in which {@link JobStore#list} returns this query's matches: by each field of
   * {@link #ordering()} in turn, then newest created first, as {@code creationSequence} says (a job
   * created later has a greater sequence). Another {@link JobStore} may use it to agree with {@link
   * InMemoryJobStore} exactly, ties included.
   */
  public final Comparator<Job> comparator(ToLongFunction<? super Job> creationSequence) {
    Comparator<Hit> byHit = JobOrdering.comparator(ordering());
    return (a, b) ->
        byHit.compare(
            new Hit(a, creationSequence.applyAsLong(a)),
            new Hit(b, creationSequence.applyAsLong(b)));
  }

  /**
   * True when no filter but {@code project} and {@code status} is set, so that one of the store's
   * indexes holds exactly the matches.
   */
  final boolean filtersOnlyProjectAndStatus() {
    return agent().isEmpty()
        && jobType().isEmpty()
        && analyzerModel().isEmpty()
        && dataSource().isEmpty()
        && promptSlug().isEmpty()
        && createdAfter().isEmpty()
        && createdBefore().isEmpty()
        && scoreMin().isEmpty()
        && scoreMax().isEmpty()
        && upperSearchTerms().isEmpty();
  }

  @Value.Check
  final void check() {
    QueryChecks.check(scoreMin(), scoreMax(), JobOrdering.unknownFields(ordering()), pageSize());
  }

  /**
   * Builds a {@link JobQuery}. Not thread-safe. {@link #build()} throws a {@link
   * ValidationException} for an unknown ordering field (one violation for each), a page size below
   * 1 or a non-finite score bound.
   */
  public static final class Builder extends ImmutableJobQuery.Builder {
    Builder() {}

    /**
     * Returns the {@code JobQuery} this builder describes.
     *
     * @throws ValidationException listing every violation
     */
    @Override
    public JobQuery build() {
      return super.build();
    }
  }
}
