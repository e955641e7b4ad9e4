package org.safebed.identity.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The clients fixed by configuration: known clients may be updated, none added. Spring's in-memory
 * repository refuses two clients with the same secret, but all demo accounts share the documented
 * demo secret.
 */
final class FixedClientRepository implements RegisteredClientRepository {

  private final Map<String, RegisteredClient> byClientId;

  FixedClientRepository(List<RegisteredClient> clients) {
    this.byClientId = new ConcurrentHashMap<>();
    clients.forEach(client -> byClientId.put(client.getClientId(), client));
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    if (byClientId.replace(registeredClient.getClientId(), registeredClient) == null) {
      throw new UnsupportedOperationException("the demo clients are fixed by configuration");
    }
  }

  @Override
  public RegisteredClient findById(String id) {
    // Registrations use the client id as their id.
    return byClientId.get(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    return byClientId.get(clientId);
  }
}
