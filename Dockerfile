# Loopwise image: built from this repository by `docker compose up` (or `docker build .`).
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY migrations migrations
COPY src src
# appcds: the packaged application can run its static initialisation alone, which makes the class archive below.
RUN ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 --home-dir /app loopwise && mkdir -p /app && chown loopwise /app
WORKDIR /app
COPY --from=build --chown=loopwise /src/target/quarkus-app/ /app/
USER loopwise
# Ahead-of-time cache: starts map the classes they need, already loaded and linked, from a cache made here by this
# image's own java. No database is reachable while the image is built, so the training run is the application's
# static initialisation alone (the launcher, which can reach the database, trains on a whole start instead); should
# the cache not match or not be made, the JVM starts without it.
RUN (java --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=/app/loopwise.aot -Dquarkus.appcds.generate=true -jar /app/quarkus-run.jar \
        || rm -f /app/loopwise.aot) && rm -f /app/app-cds.jsa
# The encoder is unpacked and DJL's native libraries are extracted under the (writable) home folder.
ENV LOOPWISE_DB_URL=jdbc:postgresql://db:5432/loopwise \
    DJL_CACHE_DIR=/app/.djl.ai \
    QUARKUS_HTTP_HOST=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fs http://localhost:8080/q/health/ready || exit 1
# glibc keeps memory that ONNX Runtime and PyTorch freed; the JVM hands it back every 5 s. An idle instance also
# collects the start's garbage and returns the heap it no longer needs (G1's periodic collection, after 15 s without one);
# a small first heap keeps the start's garbage from filling a heap sized by the host's memory.
ENTRYPOINT ["java", "-XX:AOTCache=/app/loopwise.aot", "-Xlog:aot=off,cds=off", "--enable-native-access=ALL-UNNAMED", \
    "-XX:TrimNativeHeapInterval=5000", "-XX:G1PeriodicGCInterval=15000", "-Xms64m", "-jar", "/app/quarkus-run.jar"]
CMD ["serve"]
