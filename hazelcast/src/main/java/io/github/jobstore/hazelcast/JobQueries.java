package io.github.jobstore.hazelcast;

import static java.util.Objects.requireNonNull;

import com.hazelcast.map.IMap;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;
import com.hazelcast.projection.Projections;
import com.hazelcast.query.Predicate;
import com.hazelcast.query.Predicates;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.core.JobType;
import io.github.jobstore.store.InvalidPageException;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * The store's queries over its jobs map. Stateless beyond the map, so safe from any thread; each
 * query reads each job's record once and keeps a job only in a version that matches.
 */
final class JobQueries {

  private static final JobQuery NEWEST_FIRST = JobQuery.builder().build();

  /** What {@link #list} projects of every candidate: its id, creation sequence and time. */
  private static final List<String> ALWAYS =
      List.of("__key", JobRecords.SEQUENCE, "createdSeconds", "createdNanos");

  /** {@code -created_at}, ties newest created first, over {@link #ALWAYS} projections. */
  private static final Comparator<Object[]> NEWEST_ROW_FIRST =
      Comparator.<Object[]>comparingLong(row -> (Long) row[2])
          .thenComparingInt(row -> (Integer) row[3])
          .thenComparingLong(row -> (Long) row[1])
          .reversed();

  /** The record fields each ordering field sorts by, beyond {@link #ALWAYS}. */
  private static final Map<String, List<String>> ORDERED_BY =
      Map.of(
          "created_at", List.of(),
          "updated_at", List.of("updatedSeconds", "updatedNanos"),
          "best_score", List.of(JobRecords.BEST_SCORE),
          "baseline_score", List.of(JobRecords.BASELINE_SCORE),
          "improvement", List.of(JobRecords.IMPROVEMENT),
          "num_iterations", List.of(JobRecords.NUM_ITERATIONS),
          "status", List.of(JobRecords.STATUS),
          "job_type", List.of(JobRecords.JOB_TYPE),
          "prompt_slug", List.of(JobRecords.PROMPT_SLUG));

  private final IMap<UUID, GenericRecord> jobs;

  JobQueries(IMap<UUID, GenericRecord> jobs) {
    this.jobs = jobs;
  }

  /** The jobs whose {@code field} is {@code value}, newest first. */
  ImmutableList<Job> newestFirst(String field, String value) {
    List<StoredJob> found = new ArrayList<>();
    for (GenericRecord record : jobs.values(Predicates.equal(field, value))) {
      found.add(JobRecords.read(record));
    }
    return sorted(found, NEWEST_FIRST).toImmutable();
  }

  /** Every job, in no order. */
  List<StoredJob> all() {
    List<StoredJob> all = new ArrayList<>();
    for (GenericRecord record : jobs.values()) {
      all.add(JobRecords.read(record));
    }
    return all;
  }

  /**
   * One page of the query's matches, counted: the members test the exact filters and return the few
   * fields that the rest of the query reads (see {@link #projected}); here the rest is tested on a
   * light job of those fields, the matches sorted and counted, and the page's jobs read in one
   * {@code getAll}, each kept only in a version that still matches.
   */
  Page<Job> list(JobQuery query) {
    long offset = offset(query.page(), query.pageSize());
    List<String> fields = projected(query);
    Collection<Object[]> candidates =
        jobs.project(
            Projections.multiAttribute(fields.toArray(new String[0])), exactFilters(query));
    List<UUID> matches =
        membersTestEveryFilter(query)
            ? idsNewestFirst(candidates)
            : matching(query, fields, candidates);
    int count = matches.size();
    checkInRange(query.page(), offset, count);
    Set<UUID> page = new LinkedHashSet<>();
    for (long i = offset; i < count && page.size() < query.pageSize(); i++) {
      page.add(matches.get((int) i));
    }
    List<StoredJob> found = new ArrayList<>(page.size());
    for (GenericRecord record : jobs.getAll(page).values()) {
      StoredJob stored = JobRecords.read(record);
      if (query.matches(stored.job())) {
        found.add(stored);
      }
    }
    return new Page<>(sorted(found, query).toImmutable(), count, query.page(), query.pageSize());
  }

  /**
   * True for the commonest list: the default ordering, and no filter but those the members test
   * exactly. Its candidates are its matches, and their projected fields ({@link #ALWAYS}) order
   * them.
   */
  private static boolean membersTestEveryFilter(JobQuery query) {
    return query.ordering().equals(NEWEST_FIRST.ordering())
        && query.createdAfter().isEmpty()
        && query.createdBefore().isEmpty()
        && query.scoreMin().isEmpty()
        && query.scoreMax().isEmpty()
        && query.search().isEmpty();
  }

  /** The ids of {@link #ALWAYS} projections, newest first, without building a job for each. */
  private static List<UUID> idsNewestFirst(Collection<Object[]> candidates) {
    Object[][] rows = candidates.toArray(new Object[0][]);
    Arrays.sort(rows, NEWEST_ROW_FIRST);
    List<UUID> ids = new ArrayList<>(rows.length);
    for (Object[] row : rows) {
      ids.add((UUID) row[0]);
    }
    return ids;
  }

  /**
   * The ids of the candidates that match the filters the members did not test, in the query's
   * order: each tested and sorted as a light job of its projected {@code fields}.
   */
  private static List<UUID> matching(
      JobQuery query, List<String> fields, Collection<Object[]> candidates) {
    JobQuery rest = withoutExactFilters(query);
    Map<UUID, Long> sequences = new HashMap<>();
    List<Job> matches = new ArrayList<>();
    for (Object[] values : candidates) {
      Job light = light(fields, values);
      if (rest.matches(light)) {
        sequences.put(light.id(), (Long) values[1]);
        matches.add(light);
      }
    }
    matches.sort(query.comparator(job -> sequences.get(job.id())));
    List<UUID> ids = new ArrayList<>(matches.size());
    for (Job match : matches) {
      ids.add(match.id());
    }
    return ids;
  }

  /**
   * The record fields a list projects: {@link #ALWAYS}, those its ordering sorts by, and those its
   * filters that the members cannot test read (the score bounds, the search).
   */
  private static List<String> projected(JobQuery query) {
    Set<String> fields = new LinkedHashSet<>(ALWAYS);
    for (String part : query.ordering().split(",", -1)) {
      fields.addAll(ORDERED_BY.get(part.startsWith("-") ? part.substring(1) : part));
    }
    if (query.scoreMin().isPresent() || query.scoreMax().isPresent()) {
      fields.add(JobRecords.BEST_SCORE);
    }
    if (query.search().isPresent()) {
      fields.addAll(
          List.of(JobRecords.PROMPT_SLUG, JobRecords.ANALYZER_MODEL, JobRecords.DATA_SOURCE));
    }
    return List.copyOf(fields);
  }

  /** {@code query} without the filters that {@link #exactFilters} has the members test. */
  private static JobQuery withoutExactFilters(JobQuery query) {
    return query.toBuilder()
        .project(Optional.empty())
        .agent(Optional.empty())
        .status(Optional.empty())
        .jobType(Optional.empty())
        .analyzerModel(Optional.empty())
        .dataSource(Optional.empty())
        .promptSlug(Optional.empty())
        .build();
  }

  /** One page of the matches among {@code jobs}' iterations, each iteration once. */
  Page<Iteration> iterations(Iterable<StoredJob> jobs, IterationQuery query) {
    long offset = offset(query.page(), query.pageSize());
    Map<UUID, Long> sequences = new HashMap<>();
    Set<UUID> seen = new HashSet<>();
    MutableList<Iteration> matches = Lists.mutable.empty();
    for (StoredJob job : jobs) {
      for (StoredIteration stored : job.iterations()) {
        Iteration iteration = stored.iteration();
        if (query.matches(iteration) && seen.add(iteration.id())) {
          sequences.put(iteration.id(), stored.sequence());
          matches.add(iteration);
        }
      }
    }
    int count = matches.size();
    checkInRange(query.page(), offset, count);
    matches.sortThis(query.comparator(iteration -> sequences.get(iteration.id())));
    MutableList<Iteration> page = Lists.mutable.empty();
    for (long i = offset; i < count && page.size() < query.pageSize(); i++) {
      page.add(matches.get((int) i));
    }
    return new Page<>(page.toImmutable(), count, query.page(), query.pageSize());
  }

  private static MutableList<Job> sorted(List<StoredJob> found, JobQuery query) {
    Map<UUID, Long> sequences = new HashMap<>();
    MutableList<Job> jobs = Lists.mutable.withInitialCapacity(found.size());
    for (StoredJob stored : found) {
      sequences.put(stored.job().id(), stored.sequence());
      jobs.add(stored.job());
    }
    return jobs.sortThis(query.comparator(job -> sequences.get(job.id())));
  }

  /**
   * The members' half of a query: its exact filters, which the members can test on the records'
   * fields (some through indexes). The {@code created_at} bounds are tested in whole microseconds
   * rounded down, which keeps every job the exact bound keeps; {@link JobQuery#matches} decides.
   */
  private static Predicate<UUID, GenericRecord> exactFilters(JobQuery query) {
    List<Predicate<UUID, GenericRecord>> filters = new ArrayList<>();
    equal(filters, JobRecords.PROJECT, query.project().map(UUID::toString));
    equal(filters, JobRecords.AGENT, query.agent().map(UUID::toString));
    equal(filters, JobRecords.STATUS, query.status().map(JobStatus::wireValue));
    equal(filters, JobRecords.JOB_TYPE, query.jobType().map(JobType::wireValue));
    equal(filters, JobRecords.ANALYZER_MODEL, query.analyzerModel());
    equal(filters, JobRecords.DATA_SOURCE, query.dataSource());
    equal(filters, JobRecords.PROMPT_SLUG, query.promptSlug());
    query
        .createdAfter()
        .ifPresent(
            after ->
                filters.add(
                    Predicates.greaterEqual(JobRecords.CREATED_MICROS, JobRecords.micros(after))));
    query
        .createdBefore()
        .ifPresent(
            before ->
                filters.add(
                    Predicates.lessEqual(JobRecords.CREATED_MICROS, JobRecords.micros(before))));
    if (filters.isEmpty()) {
      return Predicates.alwaysTrue();
    }
    @SuppressWarnings("unchecked")
    Predicate<UUID, GenericRecord>[] all = filters.toArray(new Predicate[0]);
    return all.length == 1 ? all[0] : Predicates.and(all);
  }

  private static void equal(
      List<Predicate<UUID, GenericRecord>> filters, String field, Optional<String> value) {
    value.ifPresent(v -> filters.add(Predicates.equal(field, v)));
  }

  /**
   * A job of the projected {@code fields} only, from their {@code values}: enough for the rest of
   * the query and its ordering. Its {@code updated_at} is its {@code created_at} unless projected.
   */
  private static Job light(List<String> fields, Object[] values) {
    Instant created = Instant.ofEpochSecond((Long) values[2], (Integer) values[3]);
    Job.Builder light = Job.builder().id((UUID) values[0]).createdAt(created).updatedAt(created);
    Long updatedSeconds = null;
    for (int i = ALWAYS.size(); i < fields.size(); i++) {
      Object value = values[i];
      switch (fields.get(i)) {
        case "updatedSeconds" -> updatedSeconds = (Long) value;
        case "updatedNanos" ->
            light.updatedAt(Instant.ofEpochSecond(requireNonNull(updatedSeconds), (Integer) value));
        case JobRecords.BEST_SCORE -> light.bestScore(Optional.ofNullable((Double) value));
        case JobRecords.BASELINE_SCORE -> light.baselineScore(Optional.ofNullable((Double) value));
        case JobRecords.IMPROVEMENT -> light.improvement(Optional.ofNullable((Double) value));
        case JobRecords.NUM_ITERATIONS -> light.numIterations(Optional.ofNullable((Long) value));
        case JobRecords.STATUS -> light.status(JobStatus.fromWireValue((String) value));
        case JobRecords.JOB_TYPE ->
            light.jobType(Optional.ofNullable((String) value).map(JobType::fromWireValue));
        case JobRecords.PROMPT_SLUG -> light.promptSlug(Optional.ofNullable((String) value));
        case JobRecords.ANALYZER_MODEL -> light.analyzerModel(Optional.ofNullable((String) value));
        case JobRecords.DATA_SOURCE -> light.dataSource(Optional.ofNullable((String) value));
        default -> throw new IllegalStateException("Not a projected field: " + fields.get(i));
      }
    }
    return light.build();
  }

  private static long offset(int page, int pageSize) {
    if (page < 1) {
      throw new InvalidPageException();
    }
    return (long) (page - 1) * pageSize;
  }

  private static void checkInRange(int page, long offset, int count) {
    if (page > 1 && offset >= count) {
      throw new InvalidPageException();
    }
  }
}
