package org.safebed.localstack.security;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.cornutum.tcases.openapi.io.TcasesOpenApiIO;
import org.cornutum.tcases.openapi.test.ResponseUnvalidatedException;
import org.cornutum.tcases.openapi.test.ResponseValidationException;
import org.cornutum.tcases.openapi.test.ResponseValidationHandler;
import org.cornutum.tcases.openapi.test.ResponseValidator;
import org.cornutum.tcases.openapi.test.ResponsesDef;
import org.safebed.localstack.security.OpenApiSpecs.Operation;
import org.safebed.localstack.security.StackClient.Answer;

/**
 * Checks that an answer is one the contract declares: its status is listed for the operation, its
 * body matches the schema of that status and media type, and its declared headers (such as
 * {@code Retry-After}) have the declared form. Tcases for OpenAPI derives the response definitions
 * from the spec files and validates with them, so the check follows the specs as they change.
 */
final class ContractResponses {

  private static final Map<String, ResponseValidator> VALIDATORS = new ConcurrentHashMap<>();

  private ContractResponses() {}

  /** Why the answer breaks the contract, or empty when it conforms. */
  static Optional<String> violation(Operation operation, Answer answer) {
    List<String> problems = new ArrayList<>();
    ResponseValidationHandler collect = new ResponseValidationHandler() {
      @Override
      public void handleInvalid(ResponseValidationException invalid) {
        problems.add(invalid.getMessage());
      }

      @Override
      public void handleUnvalidated(ResponseUnvalidatedException unvalidated) {
        // A body in a media type without a schema (the live event stream) cannot be validated.
        if (!String.valueOf(answer.contentType()).startsWith("text/event-stream")) {
          problems.add(unvalidated.getMessage());
        }
      }
    };
    if (!operation.declaredStatuses().contains(answer.status())) {
      return Optional.of("status " + answer.status() + " is not declared");
    }
    String op = operation.method().toUpperCase(Locale.ROOT);
    String body = answer.body() == null || answer.body().isEmpty() ? null : answer.body();
    ResponseValidator validator = validator(operation.specFile());
    synchronized (validator) { // its handler is a field: one answer at a time
      validator.notifying(collect);
      validator.assertBodyValid(op, operation.path(), answer.status(), mediaType(answer), body);
      validator.assertHeadersValid(op, operation.path(), answer.status(), answer.headers().map());
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** The media type without parameters ({@code ;charset=UTF-8}), as the definitions key it. */
  private static String mediaType(Answer answer) {
    return answer.contentType() == null ? null : answer.contentType().split(";")[0].trim();
  }

  private static ResponseValidator validator(String specFile) {
    return VALIDATORS.computeIfAbsent(specFile, file -> {
      ResponsesDef responses = TcasesOpenApiIO.getResponsesDef(OpenApiSpecs.directory().resolve(file).toFile());
      StringWriter json = new StringWriter();
      ResponsesDef.write(responses, json);
      return new ResponseValidator(new StringReader(json.toString()));
    });
  }
}
