package io.github.jobstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JmhChartTest {

  private static final String PACKAGE = "io.github.jobstore.benchmarks.";

  /** JMH's order: h2 sorts before store, yet its bar is drawn after jobstore's and scanning's. */
  private static final String RESULTS =
      "["
          + result(
              "SearchBenchmark.h2", "avgt", "{\"size\":\"10\",\"term\":\"a<&>b\"}", 1000, "ms/op")
          + ","
          + result(
              "SearchBenchmark.store",
              "avgt",
              "{\"impl\":\"jobstore\",\"size\":\"10\",\"term\":\"a<&>b\"}",
              10,
              "ms/op")
          + ","
          + result(
              "SearchBenchmark.store",
              "avgt",
              "{\"impl\":\"scanning\",\"size\":\"10\",\"term\":\"a<&>b\"}",
              100,
              "ms/op")
          + ","
          + result("GetBenchmark.jobstore", "avgt", "{}", 20, "ns/op")
          + ","
          + result("GetBenchmark.rawMap", "avgt", "{}", 2, "ns/op")
          + ","
          + result("CreateBenchmark.create", "thrpt", "{\"impl\":\"my<&>store\"}", 5000, "ops/s")
              .replace("0.5", "\"NaN\"")
          + "]";

  private static String result(
      String benchmark, String mode, String params, double score, String unit) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"benchmark\":\"%s%s\",\"mode\":\"%s\",\"params\":%s,"
            + "\"primaryMetric\":{\"score\":%s,\"scoreError\":0.5,\"scoreUnit\":\"%s\"}}",
        PACKAGE,
        benchmark,
        mode,
        params,
        score,
        unit);
  }

  @Test
  void drawsOneBarPerResultGroupedByBenchmarkInStoreOrder() throws Exception {
    Document svg = parse(JmhChart.svg(RESULTS, "t"));

    assertThat(titles(svg))
        .containsExactly(
            "jobstore: 10 ± 0.5",
            "scanning: 100 ± 0.5",
            "h2: 1,000 ± 0.5",
            "jobstore: 20 ± 0.5",
            "rawMap: 2 ± 0.5",
            "my<&>store: 5,000");
    assertThat(texts(svg, "group"))
        .containsExactly(
            "SearchBenchmark",
            "size=10",
            "term=a<&>b",
            "GetBenchmark",
            "CreateBenchmark",
            "create");
  }

  @Test
  void barsAreOnALogScaleWithAGridlinePerDecade() throws Exception {
    Document svg = parse(JmhChart.svg(RESULTS, "t"));
    List<Element> bars = elements(svg, "rect", "bar");
    List<Element> grid = elements(svg, "line", "grid");
    double bottom = number(grid.get(0), "y1");

    // The search panel spans 1 to 1000 ms/op: four gridlines, a decade apart, and each bar
    // that scores a whole decade ends on its gridline.
    for (int k = 0; k < 4; k++) {
      assertThat(number(grid.get(k), "y1")).isEqualTo(bottom - k * JmhChartSvg.DECADE);
    }
    for (int k = 1; k <= 3; k++) {
      assertThat(number(bars.get(k - 1), "height")).isEqualTo(k * JmhChartSvg.DECADE);
      assertThat(number(bars.get(k - 1), "y")).isEqualTo(number(grid.get(k), "y1"));
    }
    // 20 ns/op is ten times 2 ns/op: one decade taller, though neither is a whole decade.
    assertThat(number(bars.get(3), "height") - number(bars.get(4), "height"))
        .isCloseTo(JmhChartSvg.DECADE, within(0.01));
    assertThat(texts(svg, "tick")).startsWith("1", "10", "100", "1,000");
  }

  @Test
  void legendNamesEveryStoreOnceAndPanelsKeepTheirUnits() throws Exception {
    String text = JmhChart.svg(RESULTS, "t");
    Document svg = parse(text);

    assertThat(texts(svg, "legend"))
        .containsExactly("jobstore", "scanning", "h2", "rawMap", "my<&>store");
    assertThat(text)
        .contains("Average time per operation (lower is better), ms/op")
        .contains("Average time per operation (lower is better), ns/op")
        .contains("Throughput (higher is better), ops/s");
    // The NaN error draws no error bar.
    assertThat(elements(svg, "path", "error")).hasSize(5);
  }

  @Test
  void escapesEveryText() throws Exception {
    String text = JmhChart.svg(RESULTS, "<b>&\"'</b>");

    assertThat(text)
        .contains("&lt;b&gt;&amp;&quot;&apos;&lt;/b&gt;")
        .contains("term=a&lt;&amp;&gt;b")
        .contains(">my&lt;&amp;&gt;store<")
        .doesNotContain("a<&>b");
    assertThat(parse(text).getDocumentElement().getAttribute("version")).isEqualTo("1.1");
  }

  @Test
  void storeIsImplElseTheStoreTheMethodNamesElseJobstore() {
    String json =
        "["
            + String.join(
                ",",
                result("IterationBenchmark.rawMapGet", "avgt", "{\"jobs\":\"1\"}", 1, "ns/op"),
                result("IterationBenchmark.findIteration", "avgt", "{\"jobs\":\"1\"}", 1, "ns/op"),
                result("QueryBenchmark.list", "avgt", "{\"impl\":\"scanning\"}", 1, "ns/op"),
                result("X.h2ish", "avgt", "{}", 1, "ns/op"))
            + "]";

    List<JmhChartBar> bars = JmhChartResults.read(json);

    assertThat(bars)
        .extracting(JmhChartBar::store)
        .containsExactly("rawMap", "jobstore", "scanning", "jobstore");
    assertThat(bars)
        .extracting(JmhChartBar::group)
        .containsExactly(
            List.of("IterationBenchmark", "rawMapGet", "jobs=1"),
            List.of("IterationBenchmark", "findIteration", "jobs=1"),
            List.of("QueryBenchmark", "list"),
            List.of("X", "h2ish"));
  }

  @Test
  void mainWritesTheChartFile(@TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("jmh.json"), RESULTS);
    Path out = dir.resolve("chart.svg");

    JmhChart.main(new String[] {in.toString(), out.toString()});

    assertThat(Files.readString(out)).isEqualTo(JmhChart.svg(RESULTS, "JMH results"));
  }

  @Test
  void mainRejectsAWrongNumberOfArguments() {
    for (String[] args : List.of(new String[] {"a"}, new String[] {"a", "b", "c", "d"})) {
      assertThatThrownBy(() -> JmhChart.main(args))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("usage: JmhChart <jmh-result.json> <out.svg> [title]");
    }
  }

  @Test
  void rejectsWhatCannotBeDrawn() {
    assertThatThrownBy(() -> JmhChart.svg("{}", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("JMH results must be a JSON array (-rf json)");
    assertThatThrownBy(() -> JmhChart.svg("[]", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no JMH results to draw");
    assertThatThrownBy(() -> JmhChart.svg("[{\"benchmark\":\"nodot\"}]", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a result has no benchmark name: nodot");
    assertThatThrownBy(() -> JmhChart.svg("[" + result("A.b", "avgt", "{}", 0, "ns/op") + "]", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a log scale needs a positive score: " + PACKAGE + "A.b scored 0.0");
    assertThatThrownBy(() -> JmhChart.svg("[", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON: ");
  }

  @Test
  void decadesFromAThousandthToAMillionArePlainNumbersAndTheRestPowersOfTen() throws Exception {
    String json =
        "["
            + result("A.b", "avgt", "{}", 0.0005, "ms/op")
            + ","
            + result("A.b", "avgt", "{}", 5e6, "ns/op")
            + "]";

    assertThat(texts(parse(JmhChart.svg(json, "t")), "tick"))
        .containsExactly("1e-4", "0.001", "1,000,000", "1e7");
  }

  @Test
  void smallestPositiveScoreIsDrawnAboveTheAxis() throws Exception {
    Document svg =
        parse(
            JmhChart.svg("[" + result("A.b", "avgt", "{}", Double.MIN_NORMAL, "ns/op") + "]", "t"));

    assertThat(number(elements(svg, "rect", "bar").get(0), "height")).isPositive();
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document svg, String tag, String cls) {
    NodeList nodes = svg.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("class").equals(cls)) {
        found.add(element);
      }
    }
    return found;
  }

  private static List<String> texts(Document svg, String cls) {
    return elements(svg, "text", cls).stream().map(Element::getTextContent).toList();
  }

  private static List<String> titles(Document svg) {
    return elements(svg, "rect", "bar").stream().map(Element::getTextContent).toList();
  }

  private static double number(Element element, String attribute) {
    return Double.parseDouble(element.getAttribute(attribute));
  }
}
