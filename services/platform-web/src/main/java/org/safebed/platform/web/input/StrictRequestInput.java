package org.safebed.platform.web.input;

import java.beans.PropertyEditorSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request may say, held to the contracts beyond Boot's defaults, for request input only
 * (responses, events and calls to other services keep their own rules):
 * <ul>
 *   <li>an explicit {@code null} as a property's value in a request body is refused: no request
 *       property of our contracts is nullable, and reading {@code "needs": null} as "absent" would
 *       accept a body the contract calls invalid ({@code null} inside a list is refused by the
 *       strict JSON mapper already);
 *   <li>a UUID in a path, query or header parameter must be in its canonical 36-character form:
 *       {@link UUID#fromString} also takes {@code 1-1-1-1-1}, so two spellings of an
 *       {@code Idempotency-Key} would name one request.
 * </ul>
 * Nulls are found on the parsed tree rather than through Jackson's null handling
 * ({@code Nulls.FAIL}), which would also refuse a property merely absent from a record's constructor.
 */
@ControllerAdvice
public class StrictRequestInput extends RequestBodyAdviceAdapter {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  /** The body is at most 64 KiB (the size limit filter), so reading it twice costs little. */
  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    byte[] body = input.getBody().readAllBytes();
    if (body.length > 0 && isJson(input.getHeaders())) {
      try {
        if (holdsNullValue(json.readTree(body))) {
          throw new HttpMessageNotReadableException("null property value", input);
        }
      } catch (JacksonException malformed) {
        // The converter reads it next and reports it as malformed, as for any other body.
      }
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }

  /** Binds before the conversion service, whose UUID converter is lenient. */
  @InitBinder
  public void canonicalUuids(WebDataBinder binder) {
    binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
      @Override
      public void setAsText(String text) {
        setValue(canonicalUuid(text));
      }
    });
  }

  static UUID canonicalUuid(String text) {
    if (text == null || !CANONICAL_UUID.matcher(text.trim()).matches()) {
      throw new IllegalArgumentException("not a canonical UUID");
    }
    return UUID.fromString(text.trim());
  }

  private static boolean isJson(HttpHeaders headers) {
    return headers.getContentType() != null && headers.getContentType().getSubtype().contains("json");
  }

  private static boolean holdsNullValue(JsonNode node) {
    if (node.isObject()) {
      for (JsonNode value : node.values()) {
        if (value.isNull() || holdsNullValue(value)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (holdsNullValue(item)) {
          return true;
        }
      }
    }
    return false;
  }
}
