package org.safebed.occupancy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.safebed.occupancy.web.model.CountValueDto;
import org.safebed.occupancy.web.model.DurationPercentilesDto;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers leave out null fields (a waitlisted placement has no hold), except where a null says
 * something: a suppressed statistic is shown as {@code "value": null, "suppressed": true}.
 */
@Configuration
class JsonNulls {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private abstract static class AlwaysIncluded {}

  @Bean
  JsonMapperBuilderCustomizer suppressedStatisticsShowNull() {
    return builder -> builder
        .addMixIn(CountValueDto.class, AlwaysIncluded.class)
        .addMixIn(DurationPercentilesDto.class, AlwaysIncluded.class);
  }
}
