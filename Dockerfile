# syntax=docker/dockerfile:1
# Mallard: docker build -t mallard . && docker run -p 5432:5432 -v mallard-data:/var/lib/mallard mallard
# The superuser postgres gets MALLARD_PASSWORD, or a generated password printed once in the log.

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -Dmaven.test.skip=true -pl server -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system mallard \
    && useradd --system --gid mallard --home-dir /var/lib/mallard --shell /usr/sbin/nologin mallard \
    && mkdir -p /opt/mallard /var/lib/mallard \
    && chown mallard:mallard /var/lib/mallard \
    && chmod 0700 /var/lib/mallard
COPY --from=build /src/server/target/mallard.jar /opt/mallard/mallard.jar
COPY server/mallard.example.yaml /opt/mallard/mallard.example.yaml

ENV MALLARD_HOST=0.0.0.0 \
    MALLARD_DATA_DIR=/var/lib/mallard
USER mallard
WORKDIR /var/lib/mallard
VOLUME /var/lib/mallard
EXPOSE 5432
# JVM options: JAVA_TOOL_OPTIONS (read by the JVM itself), e.g. -e JAVA_TOOL_OPTIONS=-Xmx4g
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-jar", "/opt/mallard/mallard.jar"]
