package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jobstore.core.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Parses documents into Jackson trees with deliberate limits, keeping every number exactly: floats
 * as {@link BigDecimal} ({@code NaN} and the infinities as doubles, which a {@code BigDecimal}
 * cannot hold, and negative zero marked as {@link NegativeZero}), integers of any size. Like
 * Python's {@code json} module, it accepts {@code NaN} and {@code Infinity}, so that the fields
 * they reach can reject them in the API's words.
 *
 * <p>The limits, so no document can exhaust the stack or the heap: nesting at most {@code
 * JsonValue.MAX_DEPTH + 4} deep, a string at most {@value #MAX_STRING} characters, a number at most
 * {@value #MAX_NUMBER} characters, a document at most {@value #MAX_DOCUMENT} characters.
 */
final class JsonTrees {

  /** Room for the deepest JSON value a field may hold, inside an iteration inside a job. */
  static final int MAX_DEPTH = JsonValue.MAX_DEPTH + 4;

  static final int MAX_STRING = 10_000_000;
  static final int MAX_NUMBER = 1_000;
  static final long MAX_DOCUMENT = 64L * 1024 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final JsonFactory factory;

  JsonTrees(JsonFactory factory) {
    this.factory = factory;
  }

  static JsonFactory limitedFactory() {
    return JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // as Python's json module does
        // No shared table of field names, whose hash chains colliding names could lengthen.
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER)
                .maxDocumentLength(MAX_DOCUMENT)
                .build())
        .build();
  }

  /** Parses one JSON value, with nothing after it. */
  JsonNode parse(String json) {
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new MalformedJsonException("Expecting value: the document is empty.", null);
      }
      JsonNode root = read(parser, first);
      if (parser.nextToken() != null) {
        throw new MalformedJsonException(
            "Extra data after the JSON value at " + where(parser), null);
      }
      return root;
    } catch (StreamConstraintsException e) {
      throw new MalformedJsonException(e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the document, which may hold secrets.
      throw new MalformedJsonException("Invalid JSON at " + where(e), e);
    } catch (IOException e) {
      throw new MalformedJsonException("Unreadable JSON: " + e.getClass().getSimpleName(), e);
    }
  }

  /** Reads the value that starts at {@code token}; the parser bounds the depth. */
  static JsonNode read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; ) {
          String name = parser.currentName();
          object.set(name, read(parser, parser.nextToken()));
          next = parser.nextToken();
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; ) {
          array.add(read(parser, next));
          next = parser.nextToken();
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        if (parser.isNaN()) {
          return NODES.numberNode(parser.getDoubleValue()); // NaN or an infinity
        }
        BigDecimal value;
        try {
          value = parser.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
          // An exponent beyond BigDecimal's: as Python's float, it is an infinity or zero.
          return NODES.numberNode(parser.getDoubleValue());
        }
        boolean negativeZero = value.signum() == 0 && parser.getText().startsWith("-");
        return negativeZero ? new NegativeZero(value) : NODES.numberNode(value);
      }
      case VALUE_TRUE -> {
        return NODES.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return NODES.booleanNode(false);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> throw new MalformedJsonException("Unexpected token " + token, null);
    }
  }

  private static String where(JsonParser parser) {
    return "line "
        + parser.currentLocation().getLineNr()
        + " column "
        + parser.currentLocation().getColumnNr()
        + ".";
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? "an unknown position."
        : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr() + ".";
  }

  /**
   * A float that is zero and written with a minus sign: {@code -0.0} to a number field, as in
   * Python, and a zero of its own scale inside a JSON object.
   */
  static final class NegativeZero extends DecimalNode {
    private static final long serialVersionUID = 1L;

    NegativeZero(BigDecimal zero) {
      super(zero);
    }
  }
}
