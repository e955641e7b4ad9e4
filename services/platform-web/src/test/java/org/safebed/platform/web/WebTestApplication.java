package org.safebed.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.safebed.platform.refusal.Refusal;
import org.safebed.platform.web.problem.ApiException;
import org.safebed.platform.web.sealing.SealedField;
import org.safebed.platform.web.security.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service exercising the platform's security and error handling. */
@SpringBootApplication
class WebTestApplication {

  record Person(@NotBlank String caseRef, @Min(0) @Max(25) int ageYears, java.time.LocalDate since,
      java.util.List<String> aliases) {}

  @RestController
  static class TestController {
    @PostMapping("/api/people")
    @PreAuthorize("hasRole('POLICE')")
    ResponseEntity<String> create(@Valid @RequestBody Person person) {
      return ResponseEntity.status(201).body("{\"by\":\"" + Caller.current().subject() + "\"}");
    }

    /** Only {@code p-1} exists, and it is the police account {@code officer-owner}'s. */
    @GetMapping("/api/people/{id}")
    @PreAuthorize("hasRole('POLICE')")
    String get(@PathVariable String id) {
      java.util.Optional<String> owner = "p-1".equals(id) ? java.util.Optional.of("officer-owner") : java.util.Optional.empty();
      return "{\"owner\":\"" + ApiException.visibleOrNotFound(owner, o -> o.equals(Caller.current().subject()), "Person") + "\"}";
    }

    @GetMapping("/internal/ping")
    String ping() {
      return "pong";
    }

    @GetMapping("/api/people/{id}/file")
    @PreAuthorize("hasRole('POLICE')")
    String file(@PathVariable String id) {
      throw ApiException.forbidden("This file is sealed for you");
    }

    /** A use case's refusal in the platform's common words, thrown without any mapping of the service's. */
    @GetMapping("/api/people/{id}/placement")
    @PreAuthorize("hasRole('POLICE')")
    String placement(@PathVariable String id) {
      throw new Refusal.Conflict("The placement changed meanwhile");
    }

    enum Status { OPEN, CLOSED }

    /** {@code languages} and {@code rooms} are {@code uniqueItems} lists, as generated models hold them. */
    record Profile(Status status, java.util.Set<String> languages, java.util.List<String> notes, Home home) {}

    record Home(String line, java.util.Set<Integer> rooms) {}

    @PostMapping("/api/people/{id}/profile")
    @PreAuthorize("hasRole('POLICE')")
    String profile(@PathVariable String id, @RequestBody Profile profile) {
      return "{\"status\":\"" + profile.status() + "\"}";
    }

    @GetMapping("/api/cases")
    @PreAuthorize("hasRole('POLICE')")
    String cases(
        @org.springframework.web.bind.annotation.RequestParam(required = false) Status status,
        @org.springframework.web.bind.annotation.RequestParam(required = false) Integer limit,
        @org.springframework.web.bind.annotation.RequestHeader("Idempotency-Key") java.util.UUID key) {
      return "[]";
    }

    @GetMapping("/api/boom")
    @PreAuthorize("hasRole('POLICE')")
    String boom() {
      throw new IllegalStateException("secret detail 12 Rue Cachée");
    }
  }

  /** A role rule on the class, as some services declare it. */
  @RestController
  @PreAuthorize("hasRole('COORDINATOR')")
  static class CoordinatorController {
    @PostMapping("/api/regions")
    ResponseEntity<String> create(@Valid @RequestBody Person person) {
      return ResponseEntity.status(201).body("{}");
    }
  }

  /** People's case references are sealed: key rotation must find them. */
  @Bean
  SealedField sealedCaseRefs() {
    return new SealedField("people", "sealedCaseRef", "caseRef");
  }
}
