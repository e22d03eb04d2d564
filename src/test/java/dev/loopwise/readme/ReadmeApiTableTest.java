package dev.loopwise.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.readme.Endpoints.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's API table is what an integrator reads before calling Loopwise, so every endpoint under {@code /api/v1} and
 * {@code /v1} is in it, with the roles its annotations let call it, and it lists no endpoint that is gone.
 */
class ReadmeApiTableTest {
    private static final List<String> PREFIXES = List.of("/api/v1/", "/v1/");
    private static final Pattern ENDPOINT = Pattern.compile("(GET|POST|PUT|PATCH|DELETE) (/\\S*)");
    private static final Set<String> ROLE_WORDS = Set.of("admin", "reviewer", "service", "anyone");

    /** A README row's endpoint, the roles its roles cell names before any parenthesis, and the row's line. */
    private record Documented(String key, Set<String> roles, int line) {
    }

    private static List<Endpoint> code;
    private static List<Documented> readme;
    private static final List<String> formProblems = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        code = Endpoints.under(PREFIXES);
        readme = new ArrayList<>();
        for (MarkdownTables.Table table : MarkdownTables.readme().withColumn("endpoint")) {
            int roles = table.column("roles");
            for (MarkdownTables.Row row : table.rows()) {
                Set<String> named = roles(row.cell(roles), row.line());
                for (String key : endpoints(row.cell(table.column("endpoint")))) {
                    if (PREFIXES.stream().anyMatch(p -> (key.substring(key.indexOf(' ') + 1) + "/").startsWith(p))) {
                        readme.add(new Documented(key, named, row.line()));
                    }
                }
            }
        }
    }

    @Test
    void theEndpointsAndTheTableAreRead() {
        assertTrue(code.stream().anyMatch(e -> e.key().equals("DELETE /api/v1/keys/{}")), "endpoints found: " + code);
        assertTrue(code.stream().anyMatch(e -> e.key().equals("POST /v1/chat/completions")), "endpoints found: " + code);
        assertTrue(code.size() > 40, "endpoints found in the code: " + code.size());
        assertTrue(readme.size() > 40, "endpoints found in README's table: " + readme.size());
        assertEquals(List.of(), formProblems, "roles cells say who may call with admin, reviewer, service or anyone");
    }

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> documented = new TreeSet<>(readme.stream().map(Documented::key).toList());
        List<String> missing = code.stream().filter(e -> !documented.contains(e.key()))
                .map(e -> e.key() + " (" + e.declaredIn() + ", " + e.roles() + ")").sorted().toList();
        assertEquals(List.of(), missing, "endpoints README's API table does not list");
    }

    @Test
    void everyRowNamesAnEndpointThatExists() {
        Set<String> existing = new TreeSet<>(code.stream().map(Endpoint::key).toList());
        List<String> gone = readme.stream().filter(d -> !existing.contains(d.key()))
                .map(d -> "README line " + d.line() + ": " + d.key()).toList();
        assertEquals(List.of(), gone, "rows of README's API table for endpoints the code does not have");
    }

    @Test
    void theRolesAreThoseTheAnnotationsAllow() {
        Map<String, Endpoint> byKey = new TreeMap<>();
        code.forEach(e -> byKey.put(e.key(), e));
        List<String> wrong = new ArrayList<>();
        for (Documented row : readme) {
            Endpoint endpoint = byKey.get(row.key());
            if (endpoint != null && !endpoint.roles().equals(row.roles())) {
                wrong.add("README line " + row.line() + ", " + row.key() + ": README says " + row.roles() + ", "
                        + endpoint.declaredIn() + " allows " + endpoint.roles());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The endpoints an endpoint cell names, as "VERB /path/{}": {@code `POST /api/v1/drift/actions/{id}/approve`,
     * `.../dismiss`} names two, and a query ({@code ?limit=}) or optional part ({@code [?expectedActive=N]}) is dropped.
     */
    static List<String> endpoints(String cell) {
        List<String> keys = new ArrayList<>();
        String verb = null;
        String path = null;
        for (String span : MarkdownTables.codeSpans(cell)) {
            Matcher matcher = ENDPOINT.matcher(span);
            if (matcher.lookingAt()) {
                verb = matcher.group(1);
                path = matcher.group(2);
            } else if (verb != null && span.startsWith(".../")) {
                path = path.substring(0, path.lastIndexOf('/')) + span.substring(3);
            } else if (verb != null && span.startsWith("/")) {
                path = span;
            } else {
                continue;
            }
            keys.add(verb + " " + Endpoints.template(path.split("[?\\[]", 2)[0]));
        }
        return keys;
    }

    /** The roles a cell names before its first parenthesis, which may add what the code checks itself. */
    private static Set<String> roles(String cell, int line) {
        String stated = cell.split("\\(", 2)[0].toLowerCase(Locale.ROOT);
        Set<String> roles = new TreeSet<>();
        for (String word : stated.split("[,\\s]+")) {
            if (ROLE_WORDS.contains(word)) {
                roles.add(word);
            } else if (!word.isEmpty() && !word.equals("or") && !word.equals("and")) {
                formProblems.add("README line " + line + ": '" + word + "' in the roles cell '" + cell + "'");
            }
        }
        return roles;
    }
}
