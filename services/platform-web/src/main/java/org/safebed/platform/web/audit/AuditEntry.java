package org.safebed.platform.web.audit;

import java.util.Objects;

/**
 * One audited act: who did what to which record, for what purpose, with what outcome. Values are
 * ids and codes only — never an address, a name or other personal data.
 *
 * @param actor the account that acted (token subject)
 * @param actorRole the role it acted in
 * @param onBehalfOf the person a service acted for (a driver's subject), or null
 * @param action e.g. {@code ADDRESS_DISCLOSED}, {@code CAPACITY_CHANGED}, {@code ACCESS_DENIED}
 * @param recordType e.g. {@code shelter}, {@code placement}
 * @param recordId the record's id
 * @param purpose why, e.g. {@code TRANSPORT_DESTINATION}
 * @param outcome {@code GRANTED}, {@code DENIED}, {@code DONE}
 */
public record AuditEntry(
    String actor,
    String actorRole,
    String onBehalfOf,
    String action,
    String recordType,
    String recordId,
    String purpose,
    String outcome) {

  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }
}
