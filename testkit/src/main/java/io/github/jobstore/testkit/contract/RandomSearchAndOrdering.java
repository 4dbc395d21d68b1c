package io.github.jobstore.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws the {@code search} and {@code ordering} of the list queries of {@link
 * JobStoreModelContract}, for jobs and iterations alike.
 *
 * <p>A search is built to hit: its parts are pieces of the texts the store holds, recased (at times
 * whole, so that {@code ß} becomes {@code SS} and misses, or into a look-alike such as {@code ı} or
 * {@code ſ}), joined by the white space and commas the API splits at, some quoted with escapes; now
 * and then a part is text the store is unlikely to hold, or the whole term is blank, only commas or
 * a lone quote. An ordering names one to three fields, mostly distinct, each either way.
 */
final class RandomSearchAndOrdering {

  private static final List<String> ABSENT =
      List.of("zq", "STRASSE", "ss", "\u212Aelvin", "9\u03A3");
  private static final List<String> ODD_TERMS =
      List.of(
          "", " ", ",", " , ,", "\u2003", "'", "\"", "''", "\"\"", "\\", "'a", "\"b c", "a\\\"b");
  private static final List<String> SEPARATORS =
      List.of(" ", " ", ",", ", ", " ,", "  ", "\t", "\u00A0", "\u3000", ",,");

  /**
   * Look-alikes of lower-case letters: {@code ſ}, {@code ı} and {@code ς} upper-case as {@code s},
   * {@code i} and {@code σ} do, so they still match; the Kelvin sign upper-cases only to itself, so
   * it misses {@code k}.
   */
  private static final Map<Integer, Integer> TWINS =
      Map.of(
          (int) 's', (int) '\u017F',
          (int) 'i', (int) '\u0131',
          (int) '\u03C3', (int) '\u03C2',
          (int) 'k', (int) '\u212A');

  private final SplittableRandom random;

  /** Draws from {@code random}, which the caller goes on drawing from too. */
  RandomSearchAndOrdering(SplittableRandom random) {
    this.random = random;
  }

  /**
   * A {@code search} for a list query, absent more often than not, over resources whose searched
   * texts are {@code texts} (one list of present texts per resource).
   */
  Optional<String> search(List<List<String>> texts) {
    int kind = random.nextInt(20);
    if (kind < 11) {
      return Optional.empty();
    } else if (kind == 11) {
      return Optional.of(pick(ODD_TERMS));
    }
    List<String> own = texts.isEmpty() ? List.of() : pick(texts);
    StringBuilder term = new StringBuilder();
    if (random.nextInt(8) == 0) {
      term.append(pick(SEPARATORS));
    }
    int parts = random.nextInt(6) < 3 ? 1 : random.nextInt(2, 4);
    for (int i = 0; i < parts; i++) {
      if (i > 0) {
        term.append(pick(SEPARATORS));
      }
      boolean other = random.nextInt(10) == 0 && !texts.isEmpty();
      term.append(render(part(other ? pick(texts) : own)));
    }
    if (random.nextInt(8) == 0) {
      term.append(pick(SEPARATORS));
    }
    return Optional.of(term.toString());
  }

  /**
   * An {@code ordering} of one to three of {@code fields}, each either way, or none (the default).
   */
  Optional<String> ordering(List<String> fields) {
    if (random.nextInt(4) == 0) {
      return Optional.empty();
    }
    int count = random.nextInt(5) < 2 ? 1 : random.nextInt(2, 4);
    List<String> unused = new ArrayList<>(fields);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // now and then a field twice, which the second time decides nothing
      String field =
          random.nextInt(10) == 0 ? pick(fields) : unused.remove(random.nextInt(unused.size()));
      parts.add((random.nextBoolean() ? "-" : "") + field);
    }
    return Optional.of(String.join(",", parts));
  }

  /**
   * A piece, recased, of one of {@code texts}, or one time in ten text the store is unlikely to
   * hold.
   */
  private String part(List<String> texts) {
    if (texts.isEmpty() || random.nextInt(10) == 0) {
      return pick(ABSENT);
    }
    String text = pick(texts);
    int length = text.codePointCount(0, text.length());
    if (length == 0) {
      return text;
    }
    int from = random.nextInt(length);
    int to =
        random.nextInt(4) == 0 ? length : random.nextInt(from + 1, Math.min(length, from + 6) + 1);
    return recase(text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to)));
  }

  private String recase(String text) {
    return switch (random.nextInt(8)) {
      case 0 -> text.toUpperCase(Locale.ROOT); // ß becomes SS, which no longer matches
      case 1 -> text.toLowerCase(Locale.ROOT);
      case 2, 3, 4 -> recaseEach(text);
      default -> text;
    };
  }

  private String recaseEach(String text) {
    StringBuilder recased = new StringBuilder();
    text.codePoints()
        .map(
            c ->
                switch (random.nextInt(5)) {
                  case 0 -> Character.toUpperCase(c);
                  case 1 -> Character.toLowerCase(c);
                  case 2 -> TWINS.getOrDefault(Character.toLowerCase(c), c);
                  default -> c;
                })
        .forEach(recased::appendCodePoint);
    return recased.toString();
  }

  /**
   * The part as it goes into the term: quoted (with its backslashes and quotes escaped) mostly when
   * it holds white space or a comma, and at times when it need not be.
   */
  private String render(String part) {
    boolean splits =
        part.chars().anyMatch(c -> c == ',' || ModelSearch.PYTHON_SPACES.indexOf(c) >= 0);
    int kind = random.nextInt(8);
    if (kind == 0 || (splits && kind < 6)) {
      String quote = random.nextBoolean() ? "\"" : "'";
      return quote + part.replace("\\", "\\\\").replace(quote, "\\" + quote) + quote;
    }
    return part;
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
