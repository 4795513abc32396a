# AliDAV container: docker build -t alidav . && docker run -p 8080:8080 -v alidav-data:/data -e ALIDAV_CONFIG=/config/alidav.yaml ...
# Build stage: the same Maven command as the README.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY maven-local maven-local
COPY src src
COPY config config
RUN mvn -B -q package -DskipTests

# Runtime: a JRE only, on Alpine (musl: no per-thread malloc arenas).
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S alidav && adduser -S -G alidav -h /data -s /sbin/nologin alidav \
    && mkdir -p /data /config && chown alidav:alidav /data
WORKDIR /opt/alidav
COPY --from=build /src/target/alidav.jar alidav.jar
COPY packaging/jvm.options packaging/jvm.options
COPY config/alidav.example.yaml config/alidav.example.yaml
# The class-data archive of this jar on this JVM with these flags, recorded by one self-test run (a server on
# loopback over a temporary folder): every start maps the classes from it instead of loading them from the jar.
RUN java @/opt/alidav/packaging/jvm.options -XX:ArchiveClassesAtExit=/opt/alidav/alidav.jsa -jar /opt/alidav/alidav.jar self-test
# Listen on every interface of the container; state (tokens, locks, self-signed certificate) in the volume.
# Mount your config at /config/alidav.yaml; ALIDAV_HOST, ALIDAV_PORT, ALIDAV_DATA_DIR, ALIDAV_LOG_LEVEL,
# ALIDAV_READ_ONLY and ALIDAV_ALLOW_ANONYMOUS override it.
ENV ALIDAV_HOST=0.0.0.0 \
    ALIDAV_PORT=8080 \
    ALIDAV_DATA_DIR=/data \
    ALIDAV_CONFIG=/config/alidav.yaml
VOLUME /data
EXPOSE 8080
USER alidav
# /-/health answers 200 (no users configured) or 401 (users: it is for admins) while the server is up, 503 when a
# storage is down; the port speaks HTTP or, with TLS configured, HTTPS
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD wget -q -S -O /dev/null "http://127.0.0.1:${ALIDAV_PORT}/-/health" 2>&1 | grep -Eq "HTTP/1.1 (200|401)" \
     || wget -q -S -O /dev/null --no-check-certificate "https://127.0.0.1:${ALIDAV_PORT}/-/health" 2>&1 | grep -Eq "HTTP/1.1 (200|401)"
ENTRYPOINT ["java", "@/opt/alidav/packaging/jvm.options", "-XX:SharedArchiveFile=/opt/alidav/alidav.jsa", "-jar", "/opt/alidav/alidav.jar"]
CMD []
