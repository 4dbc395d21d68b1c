package io.github.jobstore.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How a search term is split (DRF 3.15's {@code search_smart_split} over Django's {@code
 * smart_split}; the expected lists are what Python returns for the same input) and how its parts
 * match.
 */
class SearchTest {

  @Test
  void splitsAtWhiteSpace() {
    assertThat(Search.terms("  alpha\tbeta\n gamma ")).containsExactly("alpha", "beta", "gamma");
  }

  @Test
  void splitsAtEveryWhiteSpaceOfPython() {
    assertThat(Search.terms("a\u00A0b\u2007c\u202Fd\u0085e\u001Cf\u3000g\u2003h"))
        .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
  }

  @Test
  void doesNotSplitAtAZeroWidthSpace() {
    assertThat(Search.terms("a\u200Bb")).containsExactly("a\u200Bb");
  }

  @Test
  void splitsAtCommasAndDropsEmptyParts() {
    assertThat(Search.terms(",alpha,,beta, gamma,")).containsExactly("alpha", "beta", "gamma");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", ",", ", ,,", "\u00A0\u2003"})
  void hasNoPartsForABlankTermOrOnlyCommas(String term) {
    assertThat(Search.terms(term)).isEmpty();
  }

  @Test
  void keepsADoubleQuotedPhraseTogetherWithoutItsQuotes() {
    assertThat(Search.terms("a \"new york\" b")).containsExactly("a", "new york", "b");
  }

  @Test
  void keepsASingleQuotedPhraseTogetherWithoutItsQuotes() {
    assertThat(Search.terms("'new, york' b")).containsExactly("new, york", "b");
  }

  @Test
  void stripsCommasAroundAQuotedPhrase() {
    assertThat(Search.terms(",,\"a b\",")).containsExactly("a b");
  }

  @Test
  void unescapesQuotesAndBackslashesInAQuotedPhrase() {
    assertThat(Search.terms("\"say \\\"hi\\\"\" 'it\\'s' \"a\\\\b\""))
        .containsExactly("say \"hi\"", "it's", "a\\b");
  }

  @Test
  void keepsTheQuotesOfAPhraseThatDoesNotStartTheBit() {
    assertThat(Search.terms("x,\"a b\"")).containsExactly("x", "\"a b\"");
    assertThat(Search.terms("key=\"a b\"")).containsExactly("key=\"a b\"");
  }

  @Test
  void treatsAnUnclosedQuoteAsAPlainCharacter() {
    assertThat(Search.terms("\"new york")).containsExactly("\"new", "york");
    assertThat(Search.terms("it's")).containsExactly("it's");
  }

  @Test
  void treatsAQuoteLeftOpenByATrailingBackslashAsAPlainCharacter() {
    assertThat(Search.terms("\"ab\\")).containsExactly("\"ab\\");
    assertThat(Search.terms("x \"ab\\ y")).containsExactly("x", "\"ab\\", "y");
    assertThat(Search.terms("ab\"c\\")).containsExactly("ab\"c\\");
  }

  /** Python's {@code .} in {@code \\.} matches no line feed: a backslash cannot escape one. */
  @Test
  void doesNotLetABackslashEscapeALineFeedInAQuotedPhrase() {
    assertThat(Search.terms("\"a\\\nb\"")).containsExactly("\"a\\", "b\"");
  }

  @Test
  void makesALoneQuoteAnEmptyPart() {
    assertThat(Search.terms("a \"")).containsExactly("a", "");
    assertThat(Search.terms("\"\"")).containsExactly("");
  }

  @Test
  void splitsALongQuotedPhraseWithoutOverflowingTheStack() {
    String phrase = "ab ".repeat(100_000);

    assertThat(Search.terms("\"" + phrase + "\"")).containsExactly(phrase);
  }

  @Test
  void upperCasesOneCodePointAtATime() {
    assertThat(Search.upper("stra\u00DFe")).isEqualTo("STRA\u00DFE");
    assertThat(Search.upper("\u03C3\u03C2\u00E9i\u0131")).isEqualTo("\u03A3\u03A3\u00C9II");
    assertThat(Search.upper("\uD801\uDC28")).isEqualTo("\uD801\uDC00");
  }

  @Test
  void matchesWhenEveryPartOccursInSomeField() {
    List<Optional<String>> fields = List.of(Optional.of("ALPHA"), Optional.of("BETA"));

    assertThat(Search.matches(List.of("ALP", "ETA"), fields)).isTrue();
    assertThat(Search.matches(List.of("ALP", "GAMMA"), fields)).isFalse();
  }

  @Test
  void matchesAPartEqualToTheWholeField() {
    assertThat(Search.matches(List.of("S3"), List.of(Optional.of("s3")))).isTrue();
  }

  @Test
  void doesNotMatchAPartLongerThanEveryField() {
    assertThat(Search.matches(List.of("S3-EU"), List.of(Optional.of("s3"), Optional.of("eu"))))
        .isFalse();
  }

  @Test
  void matchesAnEmptyPartOnlyInAPresentField() {
    assertThat(Search.matches(List.of(""), List.of(Optional.of("")))).isTrue();
    assertThat(Search.matches(List.of(""), List.of(Optional.empty()))).isFalse();
  }

  @Test
  void matchesEverythingWithoutParts() {
    assertThat(Search.matches(List.of(), List.of(Optional.empty()))).isTrue();
  }

  /** Letters whose upper case is another code point, stays itself, or lies outside the BMP. */
  private static final int[] ALPHABET = {
    'a', 'A', 'b', 'ß', 'ſ', 'S', 's', 'ı', 'I', 'i', 'σ', 'ς', 'Σ', 'ǅ', 'K', 0x212A, 0x10428,
    0x10400, '-', ' ', '%'
  };

  @Test
  void comparingInPlaceAgreesWithContainsOnUpperCasedCopies() {
    long seed = 20261202L;
    SplittableRandom random = new SplittableRandom(seed);
    int hits = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = randomText(random, 12);
      String term =
          random.nextBoolean() && !text.isEmpty()
              ? substringOfCodePoints(random, text)
              : randomText(random, 3);
      String upperTerm = Search.upper(term);
      boolean expected = Search.upper(text).contains(upperTerm);
      hits += expected ? 1 : 0;
      assertThat(Search.containsUpper(text, upperTerm))
          .as("seed %d, case %d: %s in %s", seed, i, term, text)
          .isEqualTo(expected);
    }
    assertThat(hits).as("cases that match").isBetween(5_000, 15_000);
  }

  private static String randomText(SplittableRandom random, int maxCodePoints) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(maxCodePoints + 1); n > 0; n--) {
      text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }

  private static String substringOfCodePoints(SplittableRandom random, String text) {
    int count = text.codePointCount(0, text.length());
    int from = random.nextInt(count);
    int to = from + 1 + random.nextInt(count - from);
    return text.substring(text.offsetByCodePoints(0, from), text.offsetByCodePoints(0, to));
  }
}
