package io.github.jobstore.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JMH's JSON results ({@code -rf json}) into {@link JmhChartBar}s.
 *
 * <p>The store of a result is its {@code impl} parameter when it has one ({@code jobstore}, {@code
 * scanning}); else the benchmark method's name when that names a store ({@code h2}, {@code
 * jobstore}, {@code scanning}, {@code rawMap}), or starts with one ({@code rawMapGet}); else {@code
 * jobstore}, since a benchmark with no store axis measures jobstore. The group is the benchmark
 * class, then the method unless the method only names the store (as {@code store} and {@code h2} do
 * in {@code SearchBenchmark}), then every parameter but {@code impl}: so {@code
 * SearchBenchmark.store} with {@code impl=jobstore} and {@code impl=scanning} and {@code
 * SearchBenchmark.h2} with the same {@code term} share one group of three bars.
 */
final class JmhChartResults {

  /** The stores a method name can name, in the order their bars are drawn. */
  static final List<String> KNOWN_STORES = List.of("jobstore", "scanning", "h2", "rawMap");

  /** Method names that say "the store under test" and leave the store to {@code impl}. */
  private static final Set<String> STORE_METHODS = Set.of("store");

  private static final String IMPL = "impl";

  private JmhChartResults() {}

  /**
   * Reads every result of a JMH JSON document, in its order.
   *
   * @throws IllegalArgumentException if the text is not JSON, not an array, or a result lacks a
   *     benchmark name or a positive, finite score
   */
  static List<JmhChartBar> read(String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("JMH results must be a JSON array (-rf json)");
    }
    List<JmhChartBar> bars = new ArrayList<>();
    for (JsonNode result : root) {
      bars.add(bar(result));
    }
    return List.copyOf(bars);
  }

  private static JmhChartBar bar(JsonNode result) {
    String benchmark = result.path("benchmark").asText("");
    int dot = benchmark.lastIndexOf('.');
    if (dot < 0) {
      throw new IllegalArgumentException("a result has no benchmark name: " + benchmark);
    }
    String method = benchmark.substring(dot + 1);
    String type = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
    JsonNode metric = result.path("primaryMetric");
    double score = number(metric.path("score"));
    if (!(score > 0) || Double.isInfinite(score)) {
      throw new IllegalArgumentException(
          "a log scale needs a positive score: " + benchmark + " scored " + score);
    }
    List<String> group = new ArrayList<>();
    String store;
    if (result.path("params").has(IMPL)) {
      store = result.path("params").path(IMPL).asText();
      group.add(type);
      if (!STORE_METHODS.contains(method)) {
        group.add(method);
      }
    } else {
      store = storeNamedBy(method);
      group.add(type);
      if (!KNOWN_STORES.contains(method)) {
        group.add(method);
      }
    }
    for (Map.Entry<String, JsonNode> param : result.path("params").properties()) {
      if (!param.getKey().equals(IMPL)) {
        group.add(param.getKey() + "=" + param.getValue().asText());
      }
    }
    String panel = result.path("mode").asText() + " " + metric.path("scoreUnit").asText();
    return new JmhChartBar(group, store, panel, score, number(metric.path("scoreError")));
  }

  private static String storeNamedBy(String method) {
    for (String store : KNOWN_STORES) {
      if (method.equals(store)
          || (method.startsWith(store) && Character.isUpperCase(method.charAt(store.length())))) {
        return store;
      }
    }
    return "jobstore";
  }

  /** JMH writes a score it could not compute as the string {@code "NaN"}. */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.doubleValue() : Double.NaN;
  }
}
