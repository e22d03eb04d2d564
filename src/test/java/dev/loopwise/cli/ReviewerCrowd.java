package dev.loopwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Reviewers judging through one address: half with browser sessions (the sign-in form, the judging page's
 * CSRF token and its JSON calls), half with API keys. Each remembers what it knows was stored, what may
 * have been stored (the answer was lost with an instance) and anything it did not expect.
 */
final class ReviewerCrowd {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "crowd-password-long-enough";

    /** A (reviewer, item) pair. */
    record Judged(String reviewer, long itemId) {
    }

    final Set<Judged> stored = ConcurrentHashMap.newKeySet();
    final Set<Judged> uncertain = ConcurrentHashMap.newKeySet();
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    /** Answers per kind of reviewer ("session" or "key") and instance, from HAProxy's header. */
    final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
    final AtomicLong lost = new AtomicLong();
    private final String base;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    ReviewerCrowd(String base) {
        this.base = base;
    }

    /** {@code count} reviewer accounts made through the API by the admin, half signing in with the form and half with API keys. */
    static ReviewerCrowd signUp(String proxy, String admin, int count) throws Exception {
        ReviewerCrowd crowd = new ReviewerCrowd(proxy);
        // Several at a time, across both instances: each account costs a bcrypt hash.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> keys = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "crowd" + i;
                boolean session = i % 2 == 0;
                keys.add(pool.submit(() -> {
                    var user = PackagedApp.postJson(proxy + "/api/v1/users", admin, "{\"username\":\"" + name
                            + "\",\"password\":\"" + PASSWORD + "\",\"roles\":\"reviewer\"}");
                    assertEquals(201, user.statusCode(), user.body());
                    if (session) {
                        return null;
                    }
                    var created = PackagedApp.postJson(proxy + "/api/v1/keys", admin, "{\"username\":\"" + name
                            + "\",\"name\":\"crowd\",\"requestsPerMinute\":0}");
                    assertEquals(201, created.statusCode(), created.body());
                    return JSON.readTree(created.body()).get("key").asText();
                }));
            }
            for (int i = 0; i < count; i++) {
                String key = keys.get(i).get();
                if (key == null) {
                    crowd.addSession("crowd" + i, PASSWORD);
                } else {
                    crowd.addKey("crowd" + i, key);
                }
            }
        } finally {
            pool.shutdown();
        }
        return crowd;
    }

    /** A reviewer who signs in with the form; {@code password} is theirs. */
    void addSession(String username, String password) {
        start(username, () -> {
            Reviewer r = new Reviewer(username, "session", client().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
            HttpResponse<String> login = r.send(HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString("j_username=" + username + "&j_password=" + password)));
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new AssertionError(username + " could not sign in: " + login.statusCode() + " " + login.headers().map());
            }
            String page = r.send(HttpRequest.newBuilder(URI.create(base + "/review/judge")).header("Accept", "text/html").GET()).body();
            String marker = "name=\"csrf-token\" content=\"";
            int at = page.indexOf(marker);
            if (at < 0) {
                throw new AssertionError(username + " got no judging page: " + page);
            }
            String csrf = page.substring(at + marker.length(), page.indexOf('"', at + marker.length()));
            r.judge("/review/items/next", "/review/items/", "item", b -> b.header("Origin", base).header("X-CSRF-TOKEN", csrf));
        });
    }

    /** A reviewer whose client holds an API key. */
    void addKey(String username, String key) {
        start(username, () -> new Reviewer(username, "key", HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build())
                .judge("/api/v1/review/next", "/api/v1/review/", null, b -> b.header("Authorization", "Bearer " + key)));
    }

    /** HTTP/1.1, as browsers speak it in the clear (API clients keep the JDK's default, which asks for h2c). */
    private static HttpClient.Builder client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    }

    /** How many answers each kind of reviewer got from each instance so far. */
    Map<String, Integer> served() {
        Map<String, Integer> copy = new HashMap<>();
        servedBy.forEach((where, count) -> copy.put(where, count.get()));
        return copy;
    }

    long storedCount() {
        return stored.size();
    }

    void stop() throws InterruptedException {
        stopping = true;
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private void start(String username, Body body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                unexpected.add(username + ": " + e);
            }
        }, "reviewer-" + username);
        threads.add(thread);
        thread.start();
    }

    private final class Reviewer {
        final String name;
        final String kind;
        final HttpClient client;

        Reviewer(String name, String kind, HttpClient client) {
            this.name = name;
            this.kind = kind;
            this.client = client;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> answer = client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            answer.headers().firstValue(HaProxy.SERVED_BY)
                    .ifPresent(server -> servedBy.computeIfAbsent(kind + "@" + server, k -> new AtomicInteger()).incrementAndGet());
            return answer;
        }

        /** Next item, a choice, a pause; until stopped. {@code itemField} is where the page's answer nests the item. */
        void judge(String next, String submit, String itemField, UnaryOperator<HttpRequest.Builder> auth)
                throws InterruptedException {
            Random random = new Random(name.hashCode());
            while (!stopping) {
                JsonNode item;
                try {
                    HttpResponse<String> answer = send(auth.apply(HttpRequest.newBuilder(URI.create(base + next))
                            .header("Accept", "application/json").GET()));
                    if (answer.statusCode() == 502 || answer.statusCode() == 503) {
                        lost.incrementAndGet();
                        Thread.sleep(100);
                        continue;
                    }
                    if (answer.statusCode() != 200 && answer.statusCode() != 204) {
                        unexpected.add(name + " next: " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                    item = answer.statusCode() == 204 ? null : JSON.readTree(answer.body());
                    item = item != null && itemField != null ? item.get(itemField) : item;
                } catch (IOException e) {
                    lost.incrementAndGet();
                    Thread.sleep(100);
                    continue;
                }
                if (item == null || item.isNull()) {
                    Thread.sleep(300); // nothing waits: the background job makes more
                    continue;
                }
                Judged judged = new Judged(name, item.get("itemId").asLong());
                String choice = random.nextBoolean() ? "A" : "B";
                try {
                    HttpResponse<String> answer = send(auth.apply(HttpRequest.newBuilder(URI.create(base + submit + judged.itemId()))
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choice + "\"}"))));
                    if (answer.statusCode() == 200 || answer.statusCode() == 201) {
                        stored.add(judged);
                    } else if (answer.statusCode() == 502 || answer.statusCode() == 503) {
                        uncertain.add(judged); // the instance died with the request: stored or not, never twice
                    } else {
                        unexpected.add(name + " submit: " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                } catch (IOException e) {
                    uncertain.add(judged);
                }
                // Reading the next ticket: the demo holds about 500 judgements' worth of items, enough for a few
                // minutes at this pace.
                Thread.sleep(6000 + random.nextInt(4000));
            }
        }
    }
}
