package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The signed-in driver's own record: whether she is on duty. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverSelf(String id, boolean onDuty) {}
