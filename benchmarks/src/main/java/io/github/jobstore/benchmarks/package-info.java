/**
 * JMH benchmarks of jobstore against a naive baseline ({@link
 * io.github.jobstore.benchmarks.ScanningMapStore}: a {@code ConcurrentHashMap<UUID, Job>} whose
 * queries scan) and against the same jobs in an in-memory H2 database with the natural indexes
 * ({@link io.github.jobstore.benchmarks.H2JobTable}, whose iterations are {@link
 * io.github.jobstore.benchmarks.H2Iterations}); and {@link
 * io.github.jobstore.benchmarks.HeapPerJob} and {@link
 * io.github.jobstore.benchmarks.HeapPerIteration}, which measure the heap each stored job and
 * iteration retains; {@link io.github.jobstore.benchmarks.EventBenchmark}, what subscribers cost a
 * writer, and {@link io.github.jobstore.benchmarks.HeapAfterWatching}, the heap that finished
 * subscriptions and {@code when} futures leave behind. {@link
 * io.github.jobstore.benchmarks.HazelcastBenchmark} runs the Hazelcast store, on a two-member
 * cluster in the benchmark's JVM, against the in-memory store and H2. Run by hand, not in CI; the
 * {@code benchmarks} profile builds the jar (with every module it uses, from this checkout), which
 * a plain {@code verify} does not:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar -f 1 -wi 2 -w 1s -i 3 -r 1s
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapPerJob
 * java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapPerIteration
 * java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.HeapAfterWatching
 * </pre>
 *
 * <p>Every benchmark forks with {@code -Xms4g -Xmx4g} ({@code SearchBenchmark} with 6 GB); a
 * regular expression after the jar's name runs a subset ({@code java -jar
 * benchmarks/target/benchmarks.jar QueryBenchmark}). docs/performance.md has the figures.
 */
@NullMarked
package io.github.jobstore.benchmarks;

import org.jspecify.annotations.NullMarked;
