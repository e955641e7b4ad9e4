package org.safebed.platform.web.server;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.safebed.platform.web.problem.ProblemResponseWriter;

/**
 * Replaces Tomcat's HTML error page for what Tomcat refuses before any Spring code runs: a URL it
 * cannot decode ({@code %ff}, an overlong {@code %C0%AE}), characters the HTTP grammar forbids
 * ({@code [}, a backslash), a NUL in a header, an oversized head. The answer is a problem with a
 * fixed detail per status, never the refused input nor Tomcat's message (which can quote it).
 * Errors Spring answers itself never reach here: they are already written.
 */
public class ProblemJsonErrorReport extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    // As Tomcat's own report: nothing for a success, a body already written or an error that
    // something else has already reported.
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean();
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    try {
      response.setContentType(ProblemResponseWriter.CONTENT_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(ProblemResponseWriter.body(status, slug(status), detail(status)));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException unwritable) {
      // The client is gone or the response cannot take a body: nothing more to say.
    }
  }

  static String slug(int status) {
    return switch (status) {
      case 400 -> "malformed-request";
      case 408 -> "request-timeout";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      default -> status >= 500 ? "server-error" : "refused";
    };
  }

  static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed: its URL, method or headers cannot be read";
      case 404 -> "There is nothing at this path";
      case 405 -> "This method is not allowed here";
      case 408 -> "The request did not arrive in time";
      case 413 -> "The request body is too large";
      case 414 -> "The request URL is too long";
      case 431 -> "The request headers are too large";
      default -> status >= 500 ? "The service could not complete the request" : "The request was not accepted";
    };
  }
}
