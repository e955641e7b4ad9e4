package org.safebed.occupancy;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Shelters, beds, placements and bed holds. Configuration: {@code shelter-occupancy-service.yml}. */
@SpringBootApplication
public class ShelterOccupancyApplication {

  public static final String CONFIG_NAME = "spring.config.name=shelter-occupancy-service";

  public static void main(String[] args) {
    new SpringApplicationBuilder(ShelterOccupancyApplication.class).properties(CONFIG_NAME).run(args);
  }
}
