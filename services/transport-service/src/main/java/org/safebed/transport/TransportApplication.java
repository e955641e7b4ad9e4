package org.safebed.transport;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Transport jobs, drivers and ETAs for SafeBed. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TransportApplication {

  public static void main(String[] args) {
    new SpringApplicationBuilder(TransportApplication.class)
        .properties("spring.config.name=transport-service")
        .run(args);
  }
}
