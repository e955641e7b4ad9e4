package org.safebed.occupancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies each endpoint's {@code @PreAuthorize} role rule before the request body is read, so a
 * caller without the role gets 403 whatever they send (method security alone runs after body
 * parsing and validation, which would answer them 400 and parse their input first). Method
 * security stays in place behind it.
 */
@Configuration
class RoleGate implements WebMvcConfigurer, HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      AuthorizationResult result = rules.authorize(
          () -> SecurityContextHolder.getContext().getAuthentication(),
          new SimpleMethodInvocation(method.getBean(), method.getMethod()));
      if (result != null && !result.isGranted()) {
        throw new AccessDeniedException("role");
      }
    }
    return true;
  }
}
