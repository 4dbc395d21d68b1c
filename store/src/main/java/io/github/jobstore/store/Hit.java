package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import java.util.Comparator;

/** A job version a query found, with the creation sequence that breaks ordering ties. */
record Hit(Job job, long sequence) {

  static final Comparator<Hit> NEWEST_FIRST = (a, b) -> Long.compare(b.sequence, a.sequence);
}
