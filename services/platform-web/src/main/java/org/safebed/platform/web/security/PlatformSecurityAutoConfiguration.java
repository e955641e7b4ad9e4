package org.safebed.platform.web.security;

import com.fasterxml.jackson.annotation.Nulls;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.stream.Collectors;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.safebed.platform.web.audit.AccessDenials;
import org.safebed.platform.web.audit.AuditTrail;
import org.safebed.platform.web.input.StrictRequestInput;
import org.safebed.platform.web.problem.ProblemExceptionHandler;
import org.safebed.platform.web.problem.ProblemResponseWriter;
import org.safebed.platform.web.problem.RequestSizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * SafeBed's security defaults for every servlet service: stateless bearer-token authentication
 * validated by the service itself (not only the gateway), roles from the {@code roles} claim for
 * {@code @PreAuthorize} rules (checked before the body is read), {@code /internal/**} for other
 * services only, problem+json for 401 and 403, every 403 audited, strict JSON (unknown fields
 * rejected) and a request size limit.
 */
// Before Web MVC: with spring.mvc.problemdetails.enabled Boot adds its own exception handler unless
// one exists, and its details quote rejected values ("Failed to convert 'x' with value: '...'").
@AutoConfiguration(
    before = OAuth2ResourceServerAutoConfiguration.class,
    beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(TokenValidationProperties.class)
@EnableMethodSecurity
@Import(ProblemExceptionHandler.class)
public class PlatformSecurityAutoConfiguration {

  static final long MAX_REQUEST_BYTES = 64 * 1024;

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(TokenValidationProperties properties) {
    return JwtDecoders.from(properties);
  }

  @Bean
  @ConditionalOnMissingBean
  AccessDenials accessDenials(ObjectProvider<AuditTrail> trail, ObjectProvider<MeterRegistry> registry) {
    return new AccessDenials(trail, registry.getIfUnique());
  }

  /** Named apart from services' own interceptors so it never clashes with a bean of theirs. */
  /**
   * A URL the firewall refuses (an encoded slash or semicolon, {@code ..}, a control character) gets
   * a problem like any other 400 instead of an empty body; the URL is not repeated back.
   */
  @Bean
  RequestRejectedHandler safebedRequestRejected() {
    return (request, response, rejected) -> ProblemResponseWriter.write(response, HttpStatus.BAD_REQUEST,
        "rejected-url", "The request URL contains characters SafeBed does not accept");
  }

  /**
   * Tomcat would refuse an encoded slash itself with an HTML page; passed through, the firewall
   * above refuses it with a problem like the other URLs it does not accept.
   */
  @Bean
  TomcatConnectorCustomizer safebedEncodedSlashesToTheFirewall() {
    return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
  }

  @Bean
  StrictRequestInput safebedStrictRequestInput(JsonMapper json) {
    return new StrictRequestInput(json);
  }

  @Bean
  WebMvcConfigurer safebedRoleGate() {
    RoleGate gate = new RoleGate();
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(gate);
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  SecurityFilterChain safebedSecurityFilterChain(HttpSecurity http, AccessDenials denials) throws Exception {
    AccessDeniedHandler denied = (request, response, e) -> deny(denials, request, response, e);
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/internal/**")
                    .hasRole(Role.SERVICE.name())
                    .requestMatchers("/actuator/**")
                    .hasRole(Role.COORDINATOR.name())
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponseWriter.write(
                                response, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "A valid bearer token is required"))
                    .accessDeniedHandler(denied))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ProblemResponseWriter.write(
                                response, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "A valid bearer token is required"))
                    .accessDeniedHandler(denied));
    return http.build();
  }

  /** A path rule refused the request before any handler was chosen ({@code /internal/**} and the like). */
  private static void deny(
      AccessDenials denials, HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    denials.record(request, AccessDenials.Rule.PATH);
    ProblemResponseWriter.write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> safebedRequestSizeLimit() {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(MAX_REQUEST_BYTES));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * A typo or an injected field in a request body is an error, not something to ignore; so is a
   * value of the wrong JSON type ({@code "ageYears": "14"}, {@code "unitId": 42}, an enum by index,
   * a date as a number of days or as a date-time), which lenient coercion would otherwise turn into
   * something the client never meant, and so is a {@code null} inside a list, which no contract
   * allows and which code iterating the list would trip over.
   */
  @Bean
  JsonMapperBuilderCustomizer safebedStrictJson() {
    return builder -> builder
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .defaultLeniency(Boolean.FALSE)
        .changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
        .withCoercionConfig(LogicalType.Textual, strict(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
        // An empty string is its own input shape: without it, "" would still read as null, 0 or false.
        .withCoercionConfig(LogicalType.Integer, strict(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Float, CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Float, strict(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Boolean))
        .withCoercionConfig(LogicalType.Boolean, strict(CoercionInputShape.String, CoercionInputShape.EmptyString,
            CoercionInputShape.Integer));
  }

  private static java.util.function.Consumer<MutableCoercionConfig> strict(CoercionInputShape... shapes) {
    return config -> {
      for (CoercionInputShape shape : shapes) {
        config.setCoercion(shape, CoercionAction.Fail);
      }
    };
  }

  /** Roles from the token's {@code roles} claim, as {@code ROLE_*} authorities. */
  public static JwtAuthenticationConverter rolesFromClaim() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> {
          Collection<GrantedAuthority> authorities =
              Caller.from(jwt).roles().stream()
                  .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                  .collect(Collectors.toList());
          return authorities;
        });
    return converter;
  }
}
