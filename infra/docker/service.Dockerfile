# syntax=docker/dockerfile:1
#
# Runtime image of one SafeBed Spring Boot application (a service, the web console or the gateway).
# The jar is built on the host first (`./mvnw -DskipTests package`); this file only packages it.
#
#   build context : the module's target/ directory (keeps the context small: no .git, no
#                   .safebed-data, no other module)
#   MODULE_JAR    : the runnable jar in that directory, e.g. transport-service-0.1.0-SNAPSHOT-exec.jar
#                   (web console: services/web-console/target, web-console-0.1.0-SNAPSHOT-exec.jar, port 8084)
#   SERVICE_PORT  : the port the application listens on (used by the HEALTHCHECK only)
#
#   docker build -f infra/docker/service.Dockerfile \
#     --build-arg MODULE_JAR=transport-service-0.1.0-SNAPSHOT-exec.jar --build-arg SERVICE_PORT=8082 \
#     -t safebed/transport-service services/transport-service/target
#
# docker-compose.yml does exactly this for every application.

ARG JAVA_IMAGE=eclipse-temurin:25-jre

# --- stage 1: split the fat jar into Spring Boot's layers, so that a code change rebuilds and
#     ships only the small "application" layer, not ~80 MB of dependencies.
FROM ${JAVA_IMAGE} AS layers
ARG MODULE_JAR
WORKDIR /build
COPY ${MODULE_JAR} app.jar
RUN test -n "${MODULE_JAR}" \
 && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- stage 2: the runtime image.
FROM ${JAVA_IMAGE}
ARG SERVICE_PORT=8080

# curl for the health check, if the base image does not ship it.
RUN if ! command -v curl >/dev/null 2>&1; then \
      apt-get update \
      && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; \
    fi \
 && groupadd --system --gid 10001 safebed \
 && useradd --system --uid 10001 --gid safebed --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin safebed

WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./

# Numeric user: Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001

ENV SERVICE_PORT=${SERVICE_PORT} \
    LANG=C.UTF-8 \
    TZ=UTC
EXPOSE ${SERVICE_PORT}

# Compose uses this; Kubernetes ignores it and uses the readiness/liveness probes instead.
# Readiness: the application's own database and broker answer (UP/DOWN only, no details); the web
# console, which keeps nothing, is ready when it runs.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVICE_PORT}/actuator/health/readiness" || exit 1

# Heap sized from the container's memory limit; die (and get restarted) rather than limp on after
# an OutOfMemoryError; /tmp is the only writable path (an emptyDir on Kubernetes).
# Extra JVM flags: set JDK_JAVA_OPTIONS on the container.
ENTRYPOINT ["java", \
  "-XX:MaxRAMPercentage=75", \
  "-XX:+ExitOnOutOfMemoryError", \
  "-Djava.io.tmpdir=/tmp", \
  "org.springframework.boot.loader.launch.JarLauncher"]
