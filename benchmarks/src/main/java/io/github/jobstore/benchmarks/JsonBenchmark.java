package io.github.jobstore.benchmarks;

import io.github.jobstore.core.Job;
import io.github.jobstore.json.JobJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JSON codec on the API's reference example (the example response of {@code jobs.create} in the
 * API's documentation: a job with every field set and one iteration), one thread: {@code writeJob}
 * writes the job parsed from it, {@code readJob} parses it, strictly, as {@link JobJson#readJob}
 * always does. Run with {@code -prof gc} for the bytes allocated per operation ({@code
 * gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class JsonBenchmark {

  /** The example response of {@code jobs.create}, exactly as the API reference prints it. */
  static final String REFERENCE_EXAMPLE =
      """
          {
            "id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "created_at": "2019-12-27T18:11:19.117Z",
            "iterations": [
              {
                "id": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
                "created_at": "2019-12-27T18:11:19.117Z",
                "iteration_name": "iteration_name",
                "job": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
                "agent_code": "agent_code",
                "avg_score": 0,
                "description": "description",
                "dimension_scores": {},
                "order": -9007199254740991,
                "status": "keep"
              }
            ],
            "updated_at": "2019-12-27T18:11:19.117Z",
            "agent": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "analyzer_model": "analyzer_model",
            "backtest_results": {},
            "baseline_score": 0,
            "best_agent_code": "best_agent_code",
            "best_score": 0,
            "candidates_per_iteration": -9007199254740991,
            "celery_task_id": "celery_task_id",
            "data_source": "data_source",
            "improvement": 0,
            "job_type": "inference",
            "num_iterations": -9007199254740991,
            "project": "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            "prompt_slug": "prompt_slug",
            "report_markdown": "report_markdown",
            "result": {},
            "status": "pending",
            "triggered_by": 0
          }
          """;

  private final JobJson json = JobJson.create();

  @SuppressWarnings("NullAway.Init")
  private Job job;

  @Setup
  public void setUp() {
    job = json.readJob(REFERENCE_EXAMPLE);
  }

  @Benchmark
  public String writeJob() {
    return json.write(job);
  }

  @Benchmark
  public Job readJob() {
    return json.readJob(REFERENCE_EXAMPLE);
  }
}
