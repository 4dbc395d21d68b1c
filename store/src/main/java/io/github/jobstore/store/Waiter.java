package io.github.jobstore.store;

import io.github.jobstore.core.Job;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A pending {@link JobStore#when}: the condition a version must match, and the future to complete.
 */
record Waiter(Predicate<? super Job> condition, CompletableFuture<Job> future) {}
