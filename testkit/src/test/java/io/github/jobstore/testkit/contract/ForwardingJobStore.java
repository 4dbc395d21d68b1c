package io.github.jobstore.testkit.contract;

import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JobStatus;
import io.github.jobstore.store.IterationQuery;
import io.github.jobstore.store.JobEvent;
import io.github.jobstore.store.JobQuery;
import io.github.jobstore.store.JobStore;
import io.github.jobstore.store.Page;
import io.github.jobstore.store.Subscription;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.eclipse.collections.api.list.ImmutableList;

/** A store that hands every operation to another: broken stores override the one they break. */
abstract class ForwardingJobStore implements JobStore {

  private final JobStore store;

  ForwardingJobStore(JobStore store) {
    this.store = store;
  }

  @Override
  public Job create(JobCreateParams params) {
    return store.create(params);
  }

  @Override
  public Job restore(Job job) {
    return store.restore(job);
  }

  @Override
  public Optional<Job> find(UUID id) {
    return store.find(id);
  }

  @Override
  public ImmutableList<Job> findByProject(UUID project) {
    return store.findByProject(project);
  }

  @Override
  public ImmutableList<Job> findByStatus(JobStatus status) {
    return store.findByStatus(status);
  }

  @Override
  public Page<Job> list(JobQuery query) {
    return store.list(query);
  }

  @Override
  public Job update(UUID id, UnaryOperator<Job> change) {
    return store.update(id, change);
  }

  @Override
  public boolean delete(UUID id) {
    return store.delete(id);
  }

  @Override
  public Iteration appendIteration(UUID jobId, IterationCreateParams params) {
    return store.appendIteration(jobId, params);
  }

  @Override
  public Iteration createIteration(IterationCreateParams params) {
    return store.createIteration(params);
  }

  @Override
  public Optional<Iteration> findIteration(UUID id) {
    return store.findIteration(id);
  }

  @Override
  public Iteration updateIteration(UUID id, UnaryOperator<Iteration> change) {
    return store.updateIteration(id, change);
  }

  @Override
  public boolean deleteIteration(UUID id) {
    return store.deleteIteration(id);
  }

  @Override
  public Page<Iteration> listIterations(IterationQuery query) {
    return store.listIterations(query);
  }

  @Override
  public Subscription subscribe(Consumer<? super JobEvent> listener) {
    return store.subscribe(listener);
  }

  @Override
  public CompletableFuture<Job> when(UUID id, Predicate<? super Job> condition) {
    return store.when(id, condition);
  }
}
