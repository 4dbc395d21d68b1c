package io.github.jobstore.testkit.junit;

import io.github.jobstore.core.Job;
import io.github.jobstore.json.JobJson;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report entry {@link JobStoreExtension} publishes for a failed test: the store's newest jobs
 * as a JSON array, at most {@link #MAX_JOBS}, and a note of how many were left out.
 */
final class JobsReport {

  /** The key of the jobs, a JSON array in the API's wire format. */
  static final String JOBS = "jobstore.jobs";

  /** The key of the note on the jobs left out; present only when some were. */
  static final String OMITTED = "jobstore.jobs.omitted";

  /**
   * The most jobs a report holds: one default page of {@link JobStore#list}, which the store reads
   * from the front of its index with its count, however many jobs it holds.
   */
  static final int MAX_JOBS = 100;

  private static final JobJson JSON = JobJson.create();

  private JobsReport() {}

  /**
   * The entry for {@code store}: its newest {@link #MAX_JOBS} jobs, newest first, each with its
   * iterations, and when the store holds more, a note of how many were left out.
   */
  static Map<String, String> of(JobStore store) {
    Page<Job> newest = store.list(JobQuery.builder().pageSize(MAX_JOBS).build());
    Map<String, String> entry = new LinkedHashMap<>();
    // Each element is JobJson's own document, so the array holds exactly the API's wire format.
    entry.put(JOBS, newest.results().collect(JSON::write).makeString("[", ",", "]"));
    int left = newest.count() - newest.results().size();
    if (left > 0) {
      entry.put(
          OMITTED,
          "the store held "
              + newest.count()
              + " jobs; the report shows the newest "
              + MAX_JOBS
              + " and leaves out "
              + left);
    }
    return entry;
  }
}
