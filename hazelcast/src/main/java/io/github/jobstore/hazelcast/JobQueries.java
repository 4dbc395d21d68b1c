package io.github.jobstore.hazelcast;

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
import java.util.Collection;
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

  /** What {@link #list} projects of each candidate: what filters and orderings read. */
  private static final String[] LIGHT_FIELDS = {
    "__key",
    JobRecords.SEQUENCE,
    "createdSeconds",
    "createdNanos",
    "updatedSeconds",
    "updatedNanos",
    JobRecords.STATUS,
    JobRecords.PROJECT,
    JobRecords.AGENT,
    JobRecords.JOB_TYPE,
    JobRecords.ANALYZER_MODEL,
    JobRecords.DATA_SOURCE,
    JobRecords.PROMPT_SLUG,
    JobRecords.BEST_SCORE,
    JobRecords.BASELINE_SCORE,
    JobRecords.IMPROVEMENT,
    JobRecords.NUM_ITERATIONS
  };

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

  Page<Job> list(JobQuery query) {
    long offset = offset(query.page(), query.pageSize());
    Collection<Object[]> candidates =
        jobs.project(Projections.multiAttribute(LIGHT_FIELDS), exactFilters(query));
    Map<UUID, Long> sequences = new HashMap<>();
    List<Job> matches = new ArrayList<>();
    for (Object[] fields : candidates) {
      Job light = light(fields);
      if (query.matches(light)) {
        sequences.put(light.id(), (Long) fields[1]);
        matches.add(light);
      }
    }
    int count = matches.size();
    checkInRange(query.page(), offset, count);
    matches.sort(query.comparator(job -> sequences.get(job.id())));
    Set<UUID> page = new LinkedHashSet<>();
    for (long i = offset; i < count && page.size() < query.pageSize(); i++) {
      page.add(matches.get((int) i).id());
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

  /** A job with the projected fields only: enough for {@link JobQuery#matches} and orderings. */
  private static Job light(Object[] fields) {
    return Job.builder()
        .id((UUID) fields[0])
        .createdAt(Instant.ofEpochSecond((Long) fields[2], (Integer) fields[3]))
        .updatedAt(Instant.ofEpochSecond((Long) fields[4], (Integer) fields[5]))
        .status(JobStatus.fromWireValue((String) fields[6]))
        .project(JobRecords.uuid((String) fields[7]))
        .agent(JobRecords.uuid((String) fields[8]))
        .jobType(Optional.ofNullable((String) fields[9]).map(JobType::fromWireValue))
        .analyzerModel(Optional.ofNullable((String) fields[10]))
        .dataSource(Optional.ofNullable((String) fields[11]))
        .promptSlug(Optional.ofNullable((String) fields[12]))
        .bestScore(Optional.ofNullable((Double) fields[13]))
        .baselineScore(Optional.ofNullable((Double) fields[14]))
        .improvement(Optional.ofNullable((Double) fields[15]))
        .numIterations(Optional.ofNullable((Long) fields[16]))
        .build();
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
