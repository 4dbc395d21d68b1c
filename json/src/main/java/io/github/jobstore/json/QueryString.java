package io.github.jobstore.json;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request's query parameters as Django's {@code QueryDict} reads them and {@code
 * QueryDict.get(name)} answers: the raw query split at {@code &} (only; {@code ;} is part of a
 * value), empty pieces skipped, each piece split at its first {@code =} (none means an empty
 * value), {@code +} read as a space and percent escapes decoded as UTF-8, as Python's {@code
 * urllib.parse.parse_qsl(keep_blank_values=True)} does. A repeated name keeps its last value.
 */
final class QueryString {

  private final Map<String, String> last;

  private QueryString(Map<String, String> last) {
    this.last = last;
  }

  /** The parameters of {@code uri}'s raw query; none when it has no query. */
  static QueryString of(URI uri) {
    String query = uri.getRawQuery();
    return query == null ? new QueryString(Map.of()) : parse(query);
  }

  /** The parameters of a raw (still percent-encoded) query. */
  static QueryString parse(String query) {
    Map<String, String> last = new HashMap<>();
    for (String piece : sent(query).split("&", -1)) {
      if (!piece.isEmpty()) {
        int equals = piece.indexOf('=');
        String name = equals < 0 ? piece : piece.substring(0, equals);
        String value = equals < 0 ? "" : piece.substring(equals + 1);
        last.put(unquote(name), unquote(value));
      }
    }
    return new QueryString(last);
  }

  /** Every name with its last value. */
  Map<String, String> asMap() {
    return Map.copyOf(last);
  }

  /** The last value given for {@code name}, as {@code QueryDict.get}; empty when it is absent. */
  Optional<String> get(String name) {
    return Optional.ofNullable(last.get(name));
  }

  /**
   * The query as an HTTP client sends it, UTF-8 encoded: a {@link URI} may hold a lone surrogate,
   * which UTF-8 cannot encode, and Java's encoder sends {@code ?} for it.
   */
  private static String sent(String query) {
    return new String(query.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  /**
   * Python's {@code unquote(s.replace('+', ' '), errors='replace')}: {@code %XX} (either case) is a
   * byte, a {@code %} not followed by two hex digits stays as it is, and bytes that are not UTF-8
   * become U+FFFD.
   */
  static String unquote(String s) {
    String spaced = s.replace('+', ' ');
    if (spaced.indexOf('%') < 0) {
      return spaced;
    }
    StringBuilder out = new StringBuilder(spaced.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < spaced.length()) {
      char c = spaced.charAt(i);
      if (c == '%' && isEscape(spaced, i)) {
        bytes.write(hex(spaced.charAt(i + 1)) * 16 + hex(spaced.charAt(i + 2)));
        i += 3;
      } else if (c < 0x80) {
        bytes.write(c);
        i++;
      } else {
        flush(bytes, out);
        out.append(c);
        i++;
      }
    }
    flush(bytes, out);
    return out.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }

  private static boolean isEscape(String s, int percent) {
    return percent + 2 < s.length()
        && hex(s.charAt(percent + 1)) >= 0
        && hex(s.charAt(percent + 2)) >= 0;
  }

  private static int hex(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }
}
