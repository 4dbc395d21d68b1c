package io.github.jobstore.testkit.assertj;

import io.github.jobstore.store.IterationCreated;
import io.github.jobstore.store.IterationDeleted;
import io.github.jobstore.store.IterationUpdated;
import io.github.jobstore.store.JobCreated;
import io.github.jobstore.store.JobDeleted;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobUpdated;
import org.eclipse.collections.api.list.ImmutableList;

/**
 * Recorded events as a failure message shows them, one line each, naming the ids and statuses a
 * reader needs (a whole {@code Job} would bury them under its fields).
 */
final class EventLines {

  private EventLines() {}

  /** Returns {@code heading: none}, or {@code heading:} followed by one indented line per event. */
  static String listing(String heading, ImmutableList<JobEvent> events) {
    if (events.isEmpty()) {
      return heading + ": none";
    }
    return events.collect(event -> "\n  " + line(event)).makeString(heading + ":", "", "");
  }

  /** Returns the event's kind, ids and, for a job, its status (or change of status). */
  static String line(JobEvent event) {
    if (event instanceof JobCreated created) {
      return "JobCreated job " + created.jobId() + " " + created.job().status();
    } else if (event instanceof JobUpdated updated) {
      return "JobUpdated job "
          + updated.jobId()
          + " "
          + updated.previous().status()
          + " -> "
          + updated.current().status();
    } else if (event instanceof JobDeleted deleted) {
      return "JobDeleted job " + deleted.jobId();
    } else if (event instanceof IterationCreated created) {
      return "IterationCreated iteration "
          + created.iteration().id()
          + " of job "
          + created.jobId();
    } else if (event instanceof IterationUpdated updated) {
      String iteration = "IterationUpdated iteration " + updated.current().id();
      return updated.isMove()
          ? iteration + " moved from job " + updated.previous().job() + " to job " + updated.jobId()
          : iteration + " of job " + updated.jobId();
    } else {
      IterationDeleted deleted = (IterationDeleted) event;
      return "IterationDeleted iteration "
          + deleted.iteration().id()
          + " of job "
          + deleted.jobId();
    }
  }
}
