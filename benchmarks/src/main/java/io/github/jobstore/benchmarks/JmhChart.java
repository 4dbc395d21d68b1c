package io.github.jobstore.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns JMH's JSON results into an SVG bar chart for the README: one panel per mode and unit, a log
 * value axis with a gridline per decade, one group per benchmark (its parameters but {@code impl})
 * and one bar per store, in the same colour in every panel, with its error bar and value.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GetBenchmark -rf json -rff /tmp/jmh.json
 * java -cp benchmarks/target/benchmarks.jar io.github.jobstore.benchmarks.JmhChart \
 *     /tmp/jmh.json docs/benchmarks.svg "jobstore benchmarks"
 * </pre>
 *
 * <p>A result's store is its {@code impl} parameter, else the store its method names ({@code h2},
 * {@code rawMap}), else {@code jobstore}; the rule is spelled out on {@code JmhChartResults}.
 * Results in different units are never put on one axis or converted: each unit gets its own panel.
 */
public final class JmhChart {

  private static final String USAGE = "usage: JmhChart <jmh-result.json> <out.svg> [title]";

  private JmhChart() {}

  /**
   * Reads the JMH results file {@code args[0]} and writes the chart to {@code args[1]}, titled
   * {@code args[2]} (default "JMH results").
   *
   * @param args the results file, the SVG file to write, and optionally the title
   * @throws IllegalArgumentException if there are not two or three arguments, or the results are
   *     not JMH JSON results with positive scores
   * @throws IOException if the results cannot be read or the chart cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      throw new IllegalArgumentException(USAGE);
    }
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    String title = args.length == 3 ? args[2] : "JMH results";
    Files.writeString(Path.of(args[1]), svg(json, title), StandardCharsets.UTF_8);
  }

  /**
   * Returns the chart of JMH's JSON results as an SVG 1.1 document.
   *
   * @param json the text JMH wrote with {@code -rf json}
   * @param title the chart's title
   * @return the SVG document, every text escaped
   * @throws IllegalArgumentException if the text is not a JSON array of results, holds none, or a
   *     result lacks a benchmark name or a positive score
   */
  public static String svg(String json, String title) {
    return JmhChartSvg.render(JmhChartResults.read(json), title);
  }
}
