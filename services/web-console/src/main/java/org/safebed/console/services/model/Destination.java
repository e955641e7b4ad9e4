package org.safebed.console.services.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where the driver takes her: disclosed to her alone, only while the job is under way. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Destination(String address) {}
