package org.safebed.platform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Applies each endpoint's {@code @PreAuthorize} rule (on the method or its class) before the
 * request body is read. Method security alone runs after the body was parsed and validated, so a
 * caller without the role would get a 400 that tells them about the contract, and their input
 * would be parsed first; with this gate they get 403 whatever they send. Method security stays in
 * place behind it.
 */
public final class RoleGate implements HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

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
