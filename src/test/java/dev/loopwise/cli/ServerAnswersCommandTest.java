package dev.loopwise.cli;

import static dev.loopwise.cli.CommandFilesTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.loopwise.cli.CommandFilesTest.Printed;
import dev.loopwise.common.HttpMessages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The commands that call a running Loopwise, pointed at a server that is not one, or given a key it refuses: one sentence
 * each, before anything is measured. A wrong key measured a table of failed requests and exited 0; a wrong path printed
 * the web page it got; bench-review said "Cannot invoke JsonNode.asText()"; a database's port gave Java's "HTTP/1.1 header
 * parser received no bytes".
 */
class ServerAnswersCommandTest {
    private static final String REFUSED_KEY = "{\"code\":\"unauthorized\",\"error\":\"The API key is not valid.\"}";

    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/drift/replay", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"requests\":1,\"failed\":0,\"firstError\":null,\"alerts\":0,\"checks\":[{\"afterRequests\":1,"
                    + "\"raised\":[],\"confirmed\":[]}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            boolean loopwise = exchange.getRequestURI().getPath().startsWith("/api/v1/");
            byte[] body = (loopwise ? REFUSED_KEY : "<html><body><main>Not found</main></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", loopwise ? "application/json" : "text/html");
            exchange.sendResponseHeaders(loopwise ? 401 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aKeyLoopwiseRefusesIsSaidInItsWordsBeforeAnythingIsMeasured() throws Exception {
        Printed serving = run("bench-serving", "--key", "wrong", "--url", url, "--no-raw", "--clients", "1", "--seconds", "1");
        assertEquals(2, serving.exit());
        assertEquals("loopwise: Loopwise refused GET /api/v1/models (HTTP 401): The API key is not valid.", serving.err().strip());
        assertEquals("", serving.out(), "no table of failed requests");
        Printed review = run("bench-review", "--key", "wrong", "--url", url, "--reviewers", "1", "--seconds", "1", "--think", "0");
        assertEquals(2, review.exit());
        assertEquals("loopwise: Loopwise refused POST /api/v1/users (HTTP 401): The API key is not valid.", review.err().strip());
    }

    @Test
    void anAddressWhereSomethingElseAnswersIsNamedAsNotLoopwise() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel\n");
        try {
            String[][] commands = {{"replay", "--file", file.toString(), "--key", "k", "--url", url + "/shop"},
                {"bench-serving", "--key", "k", "--url", url + "/shop", "--no-raw", "--clients", "1", "--seconds", "1"},
                {"bench-review", "--key", "k", "--url", url + "/shop", "--reviewers", "1", "--seconds", "1", "--think", "0"}};
            for (String[] command : commands) {
                Printed printed = run(command);
                assertEquals(2, printed.exit(), command[0]);
                assertTrue(printed.err().startsWith("loopwise: what answers at " + url + "/shop/api/v1/"), printed.err());
                assertTrue(printed.err().contains("is not Loopwise (HTTP 404") && printed.err().strip().lines().count() == 1, printed.err());
                assertFalse(printed.err().contains("<html") || printed.err().contains("JsonNode"), printed.err());
            }
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aReplayThatRanSaysItsCountsInWords() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel\n");
        try {
            Printed printed = run("replay", "--file", file.toString(), "--key", "k", "--url", url);
            assertEquals(0, printed.exit(), printed.err());
            // It said "1 drift checks ran".
            assertTrue(printed.out().contains("Replayed 1 ticket (0 failed); 1 drift check ran."), printed.out());
            // At most the word about waiting, which a machine too busy to answer within 3 s brings even here.
            assertTrue(printed.err().isEmpty() || printed.err().strip().equals("Replaying " + file.getFileName() + " on " + url
                    + ": waiting for Loopwise to take the file…"), printed.err());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aReplayLoopwiseTakesAWhileToAnswerIsSaidToBeUnderWay() throws Exception {
        Path file = Files.createTempFile("replay", ".csv");
        Files.writeString(file, "text\nwhere is my parcel\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // Answers only once the command has said it is waiting, as a file of a thousand tickets keeps it waiting for minutes.
        server.createContext("/slow/api/v1/drift/replay", exchange -> {
            exchange.getRequestBody().readAllBytes();
            for (int i = 0; i < 600 && !err.toString(StandardCharsets.UTF_8).contains("Replaying"); i++) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            byte[] body = "{\"requests\":1,\"failed\":0,\"firstError\":null,\"alerts\":0,\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        PrintStream before = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, LoopwiseCommand.commandLine().execute("replay", "--file", file.toString(), "--key", "k", "--url", url + "/slow"));
        } finally {
            System.setErr(before);
            Files.delete(file);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Replaying " + file.getFileName() + " on " + url
                + "/slow: waiting for Loopwise to take the file…"), err.toString());
    }

    @Test
    void benchReviewDisablesTheReviewerAccountsItMade() throws Exception {
        List<String> patched = Collections.synchronizedList(new ArrayList<>());
        server.createContext("/team/api/v1/users", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("PATCH")) {
                patched.add(exchange.getRequestURI().getPath() + " " + body);
            }
            answer(exchange, 200, "{\"id\":7,\"username\":\"bench\"}");
        });
        server.createContext("/team/api/v1/keys", exchange -> answer(exchange, 201, "{\"key\":\"lw_reviewer\"}"));
        server.createContext("/team/api/v1/review/next", exchange -> answer(exchange, 204, null));
        Printed printed = run("bench-review", "--key", "k", "--url", url + "/team", "--reviewers", "1", "--seconds", "1", "--think", "0");
        assertEquals(0, printed.exit(), printed.err());
        assertEquals(List.of("/team/api/v1/users/7 {\"disabled\":true}"), patched, "the simulated reviewer's account was left enabled");
        assertTrue(printed.err().contains("1 simulated reviewer account disabled"), printed.err());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Test
    void aServerThatClosesWithoutAnHttpAnswerIsSaidInWords() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                while (!silent.isClosed()) {
                    try (Socket accepted = silent.accept()) {
                        accepted.getInputStream().read(); // takes the request, then hangs up without a word, as a database's port does
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            Printed printed = run("bench-serving", "--key", "k", "--url", "http://127.0.0.1:" + silent.getLocalPort(), "--no-raw",
                    "--clients", "1", "--seconds", "1");
            assertEquals(2, printed.exit());
            assertEquals("loopwise: " + HttpMessages.NO_HTTP_ANSWER, printed.err().strip());
        }
    }
}
