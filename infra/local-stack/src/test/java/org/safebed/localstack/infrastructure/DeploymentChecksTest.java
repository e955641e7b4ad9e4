package org.safebed.localstack.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code infra/k8s} and {@code docker-compose.yml} as a reviewer would check them before a
 * release, so a manifest change that weakens a workload fails the build instead of reaching a
 * cluster. The kustomize base is rendered the way {@code kubectl kustomize} would for what it uses
 * here (its resources and its image tags); each violation is listed with its workload.
 */
class DeploymentChecksTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final Path K8S = ROOT.resolve("infra/k8s");
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
  /** An environment variable whose name says it holds a secret. */
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|_KEY)$");

  @Test
  void everyWorkloadIsProbedLimitedLockedDownFencedAndPinned() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>(rendered(K8S));
    documents.addAll(rendered(K8S.resolve("observability")));
    Map<String, Object> kustomization = load(K8S.resolve("kustomization.yaml")).getFirst();
    List<Map<String, Object>> policies = documents.stream().filter(kind("NetworkPolicy")).toList();
    List<Map<String, Object>> workloads = documents.stream()
        .filter(document -> WORKLOADS.contains(document.get("kind"))).toList();
    List<String> violations = new ArrayList<>();

    assertThat(workloads).as("workloads in infra/k8s").hasSizeGreaterThanOrEqualTo(5);
    assertThat(policies).as("a namespace-wide default deny").anyMatch(policy ->
        map(map(policy, "spec"), "podSelector").isEmpty()
            && list(map(policy, "spec"), "policyTypes").containsAll(List.of("Ingress", "Egress")));
    for (Map<String, Object> workload : workloads) {
      String name = (String) map(workload, "metadata").get("name");
      Map<String, Object> pod = map(map(workload, "spec"), "template");
      Map<String, Object> podSpec = map(pod, "spec");
      Map<String, Object> podLabels = map(map(pod, "metadata"), "labels");
      boolean podNonRoot = Boolean.TRUE.equals(map(podSpec, "securityContext").get("runAsNonRoot"));
      if (policies.stream().noneMatch(policy -> selects(policy, podLabels))) {
        violations.add(name + ": no NetworkPolicy of its own selects its pods");
      }
      for (Map<String, Object> container : maps(podSpec, "containers")) {
        String where = name + "/" + container.get("name");
        // SafeBed's applications on their health groups; Prometheus and Grafana on their own.
        boolean ours = String.valueOf(container.get("image")).startsWith("safebed/");
        probe(violations, where, container, "livenessProbe", ours ? "/actuator/health/liveness" : null);
        probe(violations, where, container, "readinessProbe", ours ? "/actuator/health/readiness" : null);
        Map<String, Object> resources = map(container, "resources");
        for (String bound : List.of("requests", "limits")) {
          if (map(resources, bound).get("cpu") == null || map(resources, bound).get("memory") == null) {
            violations.add(where + ": no cpu and memory " + bound);
          }
        }
        Map<String, Object> security = map(container, "securityContext");
        if (!podNonRoot && !Boolean.TRUE.equals(security.get("runAsNonRoot"))) {
          violations.add(where + ": may run as root");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
          violations.add(where + ": writable root filesystem");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
          violations.add(where + ": privilege escalation allowed");
        }
        for (Map<String, Object> variable : maps(container, "env")) {
          if (SECRET_NAME.matcher(String.valueOf(variable.get("name"))).matches()
              && map(map(variable, "valueFrom"), "secretKeyRef").isEmpty()) {
            violations.add(where + ": " + variable.get("name") + " is not read from a Secret");
          }
        }
        for (Map<String, Object> source : maps(container, "envFrom")) {
          if (source.containsKey("configMapRef") && configMapHoldsASecret(documents, map(source, "configMapRef"))) {
            violations.add(where + ": a ConfigMap it reads holds a secret-looking key");
          }
        }
        String image = pinned(String.valueOf(container.get("image")), maps(kustomization, "images"));
        if (!image.contains("@sha256:") && (!image.contains(":") || image.endsWith(":latest"))) {
          violations.add(where + ": image " + image + " is not pinned to a tag or digest");
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyComposeServiceIsCheckedLimitedPinnedAndHasNoDefaultSecret() throws IOException {
    String text = Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    Map<String, Object> compose = yaml().load(text);
    List<String> violations = new ArrayList<>();

    Matcher defaulted = Pattern.compile("\\$\\{(\\w+):?-[^}]*}").matcher(text);
    while (defaulted.find()) {
      if (SECRET_NAME.matcher(defaulted.group(1)).matches()) {
        violations.add("a default value for the secret " + defaulted.group(1));
      }
    }
    map(compose, "services").forEach((name, value) -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> service = (Map<String, Object>) value;
      boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
      // Only an image with nothing inside to run a check may go without, and it must say why.
      boolean saysWhyNot = !String.valueOf(map(service, "labels").getOrDefault("org.safebed.no-healthcheck", "")).isBlank();
      if (!oneShot && !saysWhyNot && map(service, "healthcheck").isEmpty()) {
        violations.add(name + ": no healthcheck");
      }
      Map<String, Object> limits = map(map(map(service, "deploy"), "resources"), "limits");
      if (limits.get("cpus") == null || limits.get("memory") == null) {
        violations.add(name + ": no cpu and memory limits");
      }
      String image = String.valueOf(service.get("image"));
      if (!image.contains(":") || image.endsWith(":latest")) {
        violations.add(name + ": image " + image + " is not pinned");
      }
    });
    assertThat(violations).isEmpty();
  }

  /** kustomize reads only below its directory: the monitoring's rules and dashboard are copies. */
  @Test
  void theMonitoringsCopiesOfTheRulesTheDashboardAndTheCollectorAreTheSame() throws IOException {
    Path observability = K8S.resolve("observability");
    assertThat(observability.resolve("alerts.yml")).hasSameTextualContentAs(ROOT.resolve("infra/prometheus/alerts.yml"));
    assertThat(observability.resolve("safebed-operations.json"))
        .hasSameTextualContentAs(ROOT.resolve("infra/grafana/dashboards/safebed-operations.json"));
    assertThat(observability.resolve("grafana-datasources.yml"))
        .hasSameTextualContentAs(ROOT.resolve("infra/grafana/provisioning/datasources/prometheus.yml"));
    assertThat(observability.resolve("collector.yaml")).hasSameTextualContentAs(ROOT.resolve("infra/otel/collector.yaml"));
  }

  /** A kustomization's resources, as kustomize would put them together (no patches are used). */
  private static List<Map<String, Object>> rendered(Path kustomizationDir) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object resource : list(load(kustomizationDir.resolve("kustomization.yaml")).getFirst(), "resources")) {
      documents.addAll(load(kustomizationDir.resolve(String.valueOf(resource))));
    }
    return documents;
  }

  private static String pinned(String image, List<Map<String, Object>> overrides) {
    for (Map<String, Object> override : overrides) {
      if (image.equals(override.get("name"))) {
        return override.containsKey("digest") ? image + "@" + override.get("digest") : image + ":" + override.get("newTag");
      }
    }
    return image;
  }

  /** An HTTP probe, on {@code path} when one is required. */
  private static void probe(List<String> violations, String where, Map<String, Object> container, String probe, String path) {
    Object probed = map(map(container, probe), "httpGet").get("path");
    if (probed == null || path != null && !path.equals(probed)) {
      violations.add(where + ": " + probe + " is not on " + (path == null ? "an HTTP path" : path));
    }
  }

  /** A policy that names these pods (not the namespace-wide ones) and lets traffic in. */
  private static boolean selects(Map<String, Object> policy, Map<String, Object> podLabels) {
    Map<String, Object> selector = map(map(map(policy, "spec"), "podSelector"), "matchLabels");
    return !selector.isEmpty() && selector.entrySet().stream()
        .allMatch(label -> Objects.equals(podLabels.get(label.getKey()), label.getValue()))
        && list(map(policy, "spec"), "policyTypes").contains("Ingress");
  }

  private static boolean configMapHoldsASecret(List<Map<String, Object>> documents, Map<String, Object> reference) {
    return documents.stream().filter(kind("ConfigMap"))
        .filter(configMap -> Objects.equals(map(configMap, "metadata").get("name"), reference.get("name")))
        .anyMatch(configMap -> map(configMap, "data").keySet().stream().anyMatch(key -> SECRET_NAME.matcher(key).matches()));
  }

  private static java.util.function.Predicate<Map<String, Object>> kind(String kind) {
    return document -> kind.equals(document.get("kind"));
  }

  private static List<Map<String, Object>> load(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
      if (document instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) document;
        documents.add(map);
      }
    }
    return documents;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(200);
    return new Yaml(options);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return parent.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
  }

  private static List<Object> list(Map<String, Object> parent, String key) {
    @SuppressWarnings("unchecked")
    List<Object> child = parent.get(key) instanceof List<?> found ? (List<Object>) found : List.of();
    return child;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Map<String, Object> parent, String key) {
    return list(parent, key).stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
  }
}
