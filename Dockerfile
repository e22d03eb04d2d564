# Loopwise image: built from this repository by `docker compose up` (or `docker build .`).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline || true
COPY migrations migrations
COPY src src
# appcds: the packaged application can run its static initialisation alone, which makes the class archive below.
RUN ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 --home-dir /app loopwise && mkdir -p /app && chown loopwise /app
WORKDIR /app
COPY --from=build --chown=loopwise /src/target/quarkus-app/ /app/
USER loopwise
# Class data sharing: starts map the classes they need from an archive made here, by this image's own java (the
# build stage's JDK is another JVM); should it not match, or not be made, -Xshare:auto starts without it.
RUN (java -XX:ArchiveClassesAtExit=/app/loopwise-cds.jsa -Dquarkus.appcds.generate=true -jar /app/quarkus-run.jar \
        || rm -f /app/loopwise-cds.jsa) && rm -f /app/app-cds.jsa
# The encoder is unpacked and DJL's native libraries are extracted under the (writable) home folder.
ENV LOOPWISE_DB_URL=jdbc:postgresql://db:5432/loopwise \
    DJL_CACHE_DIR=/app/.djl.ai
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fs http://localhost:8080/q/health/ready || exit 1
# glibc keeps memory that ONNX Runtime and PyTorch freed; the JVM hands it back every 5 s.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/loopwise-cds.jsa", "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off", \
    "-XX:TrimNativeHeapInterval=5000", "-jar", "/app/quarkus-run.jar"]
CMD ["serve"]
