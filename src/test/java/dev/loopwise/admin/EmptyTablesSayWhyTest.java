package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A table with no rows says why it is empty and what, if anything, to do: "None yet." alone leaves a new support lead
 * wondering whether something is broken.
 */
@QuarkusTest
class EmptyTablesSayWhyTest {
    private static final Pattern EMPTY_ROW = Pattern.compile("<td colspan=\"\\d+\" class=\"muted\">(.*?)</td>", Pattern.DOTALL);

    @Inject
    UserService users;

    @Test
    void everyEmptyRowOfEveryPageSaysMoreThanThatItIsEmpty() throws IOException {
        List<String> terse = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher row = EMPTY_ROW.matcher(Files.readString(file));
                while (row.find()) {
                    String words = row.group(1).replaceAll("<[^>]+>|\\{[^}]*}", "").replaceAll("\\s+", " ").trim();
                    if (words.split(" ").length < 8) {
                        terse.add(file.getFileName() + ": " + words);
                    }
                }
            }
        }
        assertTrue(terse.isEmpty(), "empty tables that do not say why or what to do: " + terse);
    }

    @Test
    void anAccountWithoutKeysAndAStretchWithoutUnlabelledTicketsSayWhy() {
        String name = "empty-" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(name, "long-enough-pw", "admin", "Empty tables"));
        Caller admin = Caller.session(name, "long-enough-pw");
        String account = admin.pageRequest().accept("text/html").get("/account").then().statusCode(200).extract().asString();
        assertTrue(account.contains("No keys yet. Only a program that calls the API needs one"), account);
        String tickets = admin.pageRequest().accept("text/html").get("/admin/tickets?before=1&unlabelled=true").then().statusCode(200)
                .extract().asString();
        assertTrue(tickets.contains("No tickets here.") && tickets.contains("Every ticket in this stretch has an intent: nothing to label."), tickets);
    }
}
