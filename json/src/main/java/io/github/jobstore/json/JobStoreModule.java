package io.github.jobstore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.github.jobstore.core.Iteration;
import io.github.jobstore.core.IterationCreateParams;
import io.github.jobstore.core.Job;
import io.github.jobstore.core.JobCreateParams;
import io.github.jobstore.core.JsonArray;
import io.github.jobstore.core.JsonNull;
import io.github.jobstore.core.JsonObject;
import io.github.jobstore.core.JsonValue;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A Jackson module that maps jobs, iterations, their params and JSON values exactly as {@link
 * JobJson} does, for your own {@code ObjectMapper}: {@code mapper.registerModule(new
 * JobStoreModule())}.
 *
 * <p>Your mapper's read limits apply, not {@link JobJson}'s; and Jackson may wrap a {@link
 * io.github.jobstore.core.ValidationException} thrown while reading in its own exception (see
 * {@code DeserializationFeature.WRAP_EXCEPTIONS}).
 */
public final class JobStoreModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public JobStoreModule() {
    super("JobStoreModule");
    add(Job.class, Documents.JOB);
    add(Iteration.class, Documents.ITERATION);
    add(JobCreateParams.class, Documents.JOB_PARAMS);
    add(IterationCreateParams.class, Documents.ITERATION_PARAMS);
    addSerializer(
        JsonValue.class,
        new JsonSerializer<JsonValue>() {
          @Override
          public void serialize(JsonValue value, JsonGenerator out, SerializerProvider serializers)
              throws IOException {
            Wire.writeJsonValue(out, value);
          }
        });
    addJsonValue(JsonValue.class);
    addJsonValue(JsonObject.class);
    addJsonValue(JsonArray.class);
  }

  private <T extends JsonValue> void addJsonValue(Class<T> type) {
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            JsonValue value;
            try {
              value = Wire.toJsonValue(JsonTrees.read(parser, parser.currentToken()));
            } catch (Wire.NonFiniteNumber e) {
              throw MismatchedInputException.from(parser, type, "JSON holds no NaN or infinity");
            }
            if (!type.isInstance(value)) {
              throw MismatchedInputException.from(
                  parser, type, "Expected a JSON " + type.getSimpleName().substring(4));
            }
            return type.cast(value);
          }

          @Override
          public @Nullable T getNullValue(DeserializationContext context) {
            return type.isInstance(JsonNull.INSTANCE) ? type.cast(JsonNull.INSTANCE) : null;
          }
        });
  }

  private <T> void add(Class<T> type, Document<T, ?> document) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator out, SerializerProvider serializers)
              throws IOException {
            document.write(out, value);
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return document.read(JsonTrees.read(parser, parser.currentToken()));
          }
        });
  }
}
