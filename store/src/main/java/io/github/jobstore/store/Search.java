package io.github.jobstore.store;

import io.github.jobstore.core.PythonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.collections.api.factory.Lists;
import org.eclipse.collections.api.list.ImmutableList;
import org.eclipse.collections.api.list.MutableList;

/**
 * A list query's {@code search}, as the API's Django REST framework (3.15) {@code SearchFilter}
 * reads and applies it. Stateless, so safe from any thread.
 *
 * <p>Splitting is DRF's {@code search_smart_split}: Django's {@code smart_split} cuts the term at
 * white space ({@code str.isspace()}), keeping a phrase in double or single quotes together (a
 * backslash escapes the quote or itself inside it); each piece loses its leading and trailing
 * commas; a piece that then starts and ends with the same quote is one term, the quotes removed and
 * escaped quotes and backslashes unescaped; any other piece is split again at commas, empty parts
 * dropped and each part stripped of white space. A blank term has no parts.
 *
 * <p>Matching is PostgreSQL's {@code UPPER(field) LIKE UPPER('%part%')}: both sides are upper-cased
 * one code point at a time ({@link Character#toUpperCase(int)}, Unicode's simple case mapping, as
 * PostgreSQL's {@code upper()} maps character by character), so {@code ß} stays {@code ß}. Every
 * part must occur in at least one present field; an absent field ({@code NULL}) never matches.
 */
final class Search {

  private Search() {}

  /** The upper-cased parts of a query's {@code search}, each of which must match; none for none. */
  static ImmutableList<String> upperTerms(Optional<String> search) {
    return search.map(Search::terms).orElse(Lists.immutable.empty()).collect(Search::upper);
  }

  /** Splits {@code term} into the parts that must each match, as DRF's search_smart_split. */
  static ImmutableList<String> terms(String term) {
    MutableList<String> terms = Lists.mutable.empty();
    for (String bit : smartSplit(term)) {
      String piece = stripCommas(bit);
      if (isQuotedPhrase(piece)) {
        terms.add(unescape(piece));
      } else {
        for (String part : piece.split(",", -1)) {
          if (!part.isEmpty()) {
            terms.add(PythonText.strip(part));
          }
        }
      }
    }
    return terms.toImmutable();
  }

  /**
   * True when every one of {@code upperTerms} (already {@link #upper upper-cased}) occurs in at
   * least one present field of {@code fields}. Allocates nothing: a list scans every job it may
   * list, so the fields are compared in place rather than upper-cased into copies.
   */
  static boolean matches(Iterable<String> upperTerms, List<Optional<String>> fields) {
    for (String term : upperTerms) {
      if (!occursInAny(term, fields)) {
        return false;
      }
    }
    return true;
  }

  private static boolean occursInAny(String upperTerm, List<Optional<String>> fields) {
    for (Optional<String> field : fields) {
      if (field.isPresent() && containsUpper(field.get(), upperTerm)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code upper(text)} contains {@code upperTerm}, compared one code point at a time
   * without building {@code upper(text)}.
   */
  static boolean containsUpper(String text, String upperTerm) {
    if (upperTerm.isEmpty()) {
      return true;
    }
    int first = upperTerm.codePointAt(0);
    int afterFirst = Character.charCount(first);
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.toUpperCase(codePoint) == first
          && startsWithUpper(text, i, upperTerm, afterFirst)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code upper(text)} from {@code at} starts with {@code upperTerm} from {@code from}.
   */
  private static boolean startsWithUpper(String text, int at, String upperTerm, int from) {
    int i = at;
    for (int j = from; j < upperTerm.length(); ) {
      if (i >= text.length()) {
        return false;
      }
      int codePoint = text.codePointAt(i);
      int expected = upperTerm.codePointAt(j);
      if (Character.toUpperCase(codePoint) != expected) {
        return false;
      }
      i += Character.charCount(codePoint);
      j += Character.charCount(expected);
    }
    return true;
  }

  /** Upper-cases {@code s} one code point at a time (Unicode's simple case mapping). */
  static String upper(String s) {
    StringBuilder upper = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int codePoint = s.codePointAt(i);
      upper.appendCodePoint(Character.toUpperCase(codePoint));
      i += Character.charCount(codePoint);
    }
    return upper.toString();
  }

  /**
   * Django's {@code smart_split}: the matches of its regular expression, written out as a scan so
   * that a long quoted phrase cannot overflow the stack of {@link java.util.regex}. At each
   * position that is not white space, the first alternative (plain characters, then one or more
   * quoted phrases each followed by plain characters) is tried, then the second (every character up
   * to white space).
   */
  private static List<String> smartSplit(String text) {
    List<String> bits = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      if (PythonText.isWhitespace(text.charAt(start))) {
        start++;
      } else {
        int end = quotedBitEnd(text, start);
        if (end < 0) {
          end = start;
          while (end < text.length() && !PythonText.isWhitespace(text.charAt(end))) {
            end++;
          }
        }
        bits.add(text.substring(start, end));
        start = end;
      }
    }
    return bits;
  }

  /**
   * Where the first alternative, {@code
   * [^\s'"]*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')[^\s'"]*)+}, ends when it starts at {@code
   * start}, or -1 when it does not match there.
   */
  private static int quotedBitEnd(String text, int start) {
    int end = -1;
    int at = plainEnd(text, start);
    while (at < text.length() && isQuote(text.charAt(at))) {
      int close = closingQuote(text, at);
      if (close < 0) {
        break;
      }
      end = plainEnd(text, close + 1);
      at = end;
    }
    return end;
  }

  /** The end of the run of characters from {@code at} that are neither white space nor quotes. */
  private static int plainEnd(String text, int at) {
    int end = at;
    while (end < text.length()
        && !PythonText.isWhitespace(text.charAt(end))
        && !isQuote(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /**
   * The index of the quote that closes the one at {@code open}, or -1: a backslash escapes the next
   * character unless it is a line feed (Python's {@code .}), and nothing else is special.
   */
  private static int closingQuote(String text, int open) {
    char quote = text.charAt(open);
    int at = open + 1;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == quote) {
        return at;
      }
      if (c == '\\') {
        if (at + 1 >= text.length() || text.charAt(at + 1) == '\n') {
          return -1;
        }
        at += 2;
      } else {
        at++;
      }
    }
    return -1;
  }

  private static boolean isQuotedPhrase(String piece) {
    return !piece.isEmpty()
        && isQuote(piece.charAt(0))
        && piece.charAt(0) == piece.charAt(piece.length() - 1);
  }

  /** Django's {@code unescape_string_literal}; a lone quote is the empty string. */
  private static String unescape(String phrase) {
    String quote = phrase.substring(0, 1);
    String inner = phrase.length() < 2 ? "" : phrase.substring(1, phrase.length() - 1);
    return inner.replace("\\" + quote, quote).replace("\\\\", "\\");
  }

  /** Python's {@code s.strip(',')}. */
  private static String stripCommas(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ',') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ',') {
      to--;
    }
    return s.substring(from, to);
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }
}
