package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** A driver as coordinators see her on the board: never her base's position (not read). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Driver(
    String id,
    String accountSubject,
    boolean vetted,
    List<String> languages,
    boolean canEscortMinors,
    boolean onDuty,
    List<Window> dutyWindows,
    String currentJobId,
    boolean retired) {

  public Driver {
    languages = languages == null ? List.of() : List.copyOf(languages);
    dutyWindows = dutyWindows == null ? List.of() : List.copyOf(dutyWindows);
  }

  public boolean busy() {
    return currentJobId != null && !currentJobId.isBlank();
  }

  /** When she may be offered work while on duty; none means whenever she is on duty. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Window(Instant from, Instant to) {}
}
