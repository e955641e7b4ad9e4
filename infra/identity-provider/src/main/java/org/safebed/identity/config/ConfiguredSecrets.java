package org.safebed.identity.config;

import org.springframework.security.crypto.password.PasswordEncoder;

/** A password encoder that never asks for a stored secret to be re-encoded. */
final class ConfiguredSecrets implements PasswordEncoder {

  private final PasswordEncoder delegate;

  ConfiguredSecrets(PasswordEncoder delegate) {
    this.delegate = delegate;
  }

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return delegate.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return false;
  }
}
