package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.loopwise.common.CommandLineMessages;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stopping bench-review must end even when the server it disables accounts on never answers. */
class BenchAccountsTest {
    private static final List<Long> IDS = List.of(11L, 12L, 13L);

    // Far below the 30 s request timeout: were the 3 s deadline not kept, the requests would wait their 30 s and fail this.
    @Test
    @Timeout(10)
    void aServerThatAcceptsAndNeverAnswersIsLeftAtTheDeadline() throws Exception {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            BenchAccounts.Outcome outcome = new BenchAccounts(url, "key")
                    .disable(IDS, Duration.ofSeconds(3), Duration.ofSeconds(30));
            assertEquals(0, outcome.disabled());
            assertEquals(IDS, outcome.left());
            assertEquals(CommandLineMessages.benchNotWithin(url, 3), outcome.reason());
        } finally {
            List<Socket> accepted;
            synchronized (held) {
                accepted = List.copyOf(held);
            }
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void noServerAtTheAddressIsSaidSo() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        BenchAccounts.Outcome outcome = new BenchAccounts(url, "key").disable(IDS, BenchAccounts.DEADLINE, BenchAccounts.REQUEST_TIMEOUT);
        assertEquals(IDS, outcome.left());
        assertEquals(CommandLineMessages.benchNotAnswering(url), outcome.reason());
    }

    @Test
    @Timeout(60)
    void aRefusedKeyIsToldApartFromASilentServer() throws Exception {
        HttpServer server = serve(401, Collections.synchronizedSet(new TreeSet<>()));
        try {
            BenchAccounts.Outcome outcome = new BenchAccounts("http://127.0.0.1:" + server.getAddress().getPort(), "key")
                    .disable(IDS, BenchAccounts.DEADLINE, BenchAccounts.REQUEST_TIMEOUT);
            assertEquals(IDS, outcome.left());
            assertEquals(CommandLineMessages.benchKeyRefused(401), outcome.reason());
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Timeout(60)
    void everyAccountIsDisabledWhenTheServerAnswers() throws Exception {
        Set<String> asked = Collections.synchronizedSet(new TreeSet<>());
        HttpServer server = serve(200, asked);
        try {
            BenchAccounts.Outcome outcome = new BenchAccounts("http://127.0.0.1:" + server.getAddress().getPort(), "key")
                    .disable(IDS, BenchAccounts.DEADLINE, BenchAccounts.REQUEST_TIMEOUT);
            assertEquals(3, outcome.disabled());
            assertEquals(List.of(), outcome.left());
            assertNull(outcome.reason());
            assertEquals(Set.of("PATCH /api/v1/users/11 {\"disabled\":true}", "PATCH /api/v1/users/12 {\"disabled\":true}",
                    "PATCH /api/v1/users/13 {\"disabled\":true}"), Set.copyOf(asked));
        } finally {
            server.stop(0);
        }
    }

    @Test
    @Timeout(60)
    void aRefusedKeyStopsTheSendingAtTheRequestsUnderWay() throws Exception {
        List<Long> forty = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            forty.add(id);
        }
        Set<String> asked = Collections.synchronizedSet(new TreeSet<>());
        HttpServer server = serve(401, asked);
        try {
            BenchAccounts.Outcome outcome = new BenchAccounts("http://127.0.0.1:" + server.getAddress().getPort(), "key")
                    .disable(forty, BenchAccounts.DEADLINE, BenchAccounts.REQUEST_TIMEOUT);
            assertEquals(forty, outcome.left());
            assertEquals(CommandLineMessages.benchKeyRefused(401), outcome.reason());
            assertTrue(asked.size() <= 16, "at most the 16 requests sent at once reach the server, not " + asked.size());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theMessageNamesTheAccountsLeftAndWhy() {
        String said = CommandLineMessages.benchAccountsLeft(1, List.of(1, 2, 3, 5), "ab12cd", CommandLineMessages.benchKeyRefused(403));
        assertEquals("1 simulated reviewer account disabled; 4 could not be, as the admin key was refused (HTTP 403): "
                + "disable the accounts bench-ab12cd-1 … bench-ab12cd-3, bench-ab12cd-5 on the Users page", said);
    }

    @Test
    void oneAccountLeftIsNamedAlone() {
        String said = CommandLineMessages.benchAccountsLeft(2, List.of(2), "ab12cd", CommandLineMessages.benchAccountUnderWay("http://x"));
        assertEquals("2 simulated reviewer accounts disabled; 1 could not be, as the server at http://x was still making one when "
                + "the command stopped: disable the account bench-ab12cd-2 on the Users page", said);
    }

    private static HttpServer serve(int status, Set<String> asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
