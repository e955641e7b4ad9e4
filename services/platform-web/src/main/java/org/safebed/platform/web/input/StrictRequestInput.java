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
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request may say, held to the contracts beyond Boot's defaults, for request input only
 * (responses, events and calls to other services keep their own rules). A body breaking any of
 * these is refused as unreadable (400) before anything is bound, so nothing of it is written:
 * <ul>
 *   <li>a key repeated in one JSON object: Jackson keeps the last one, so
 *       {@code {"status":"OPEN","status":"CLOSED"}} would close what a reviewer reads as opened;
 *   <li>an explicit {@code null} as a property's value: no request property of our contracts is
 *       nullable, and reading {@code "needs": null} as "absent" would accept a body the contract
 *       calls invalid ({@code null} inside a list is refused by the strict JSON mapper already);
 *   <li>a control character (Unicode category Cc, which takes in tab, CR and LF, and the line and
 *       paragraph separators) in any text value: no text field of our contracts is multi-line (an
 *       address is one line on a driver's screen), and such characters stored in a field forge
 *       lines in logs and exports or hide text from the person reading it;
 *   <li>a repeated item in a list the contract declares {@code uniqueItems} (a {@link java.util.Set}
 *       in the generated model, see {@link UniqueItems}): it would collapse silently;
 *   <li>a UUID in a path, query or header parameter must be in its canonical 36-character form:
 *       {@link UUID#fromString} also takes {@code 1-1-1-1-1}, so two spellings of an
 *       {@code Idempotency-Key} would name one request.
 * </ul>
 * Nulls and control characters are found on the parsed tree rather than through Jackson's null
 * handling ({@code Nulls.FAIL}), which would also refuse a property merely absent from a record's
 * constructor. Repeated items are found by reading the body as its target type once more, with the
 * service's own mapper plus {@link UniqueItems}.
 */
@ControllerAdvice
public class StrictRequestInput extends RequestBodyAdviceAdapter {

  private static final Pattern CANONICAL_UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final JsonMapper strict;

  /** @param service the service's mapper, which the converters read bodies with */
  public StrictRequestInput(JsonMapper service) {
    this.strict = service.rebuild()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .addModule(UniqueItems.module())
        .build();
  }

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
      refuseWhatTheContractsForbid(body, targetType, converterType, input);
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

  private void refuseWhatTheContractsForbid(byte[] body, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType, HttpInputMessage input) {
    try {
      JsonNode tree = strict.readTree(body);
      if (holdsNullValue(tree)) {
        throw new HttpMessageNotReadableException("null property value", input);
      }
      if (holdsControlCharacter(tree)) {
        throw new HttpMessageNotReadableException("control character in a text value", input);
      }
      if (AbstractJacksonHttpMessageConverter.class.isAssignableFrom(converterType)) {
        strict.readValue(body, strict.constructType(targetType));
      }
    } catch (JacksonException refused) {
      // Malformed, a repeated key or a repeated item of a set. The parser's message can quote the
      // body, so it is not passed on.
      throw new HttpMessageNotReadableException("request body refused", input);
    }
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

  static boolean holdsControlCharacter(JsonNode node) {
    if (node.isString()) {
      return node.asString().codePoints().anyMatch(StrictRequestInput::isControl);
    }
    for (JsonNode child : node) { // an object's values, an array's items
      if (holdsControlCharacter(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isControl(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
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
