package io.github.jobstore.store;

import io.github.jobstore.core.Iteration;

/** An iteration version a query found, with the creation sequence that breaks ordering ties. */
record IterationHit(Iteration iteration, long sequence) {}
