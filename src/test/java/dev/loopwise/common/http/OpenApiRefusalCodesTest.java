package dev.loopwise.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loopwise.security.apikey.ApiKeyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A helpdesk developer branches on the codes the API document lists, so a code the server can answer with and the
 * document does not name is a branch nobody writes. The codes are read from the sources, where each refusal is made,
 * so a new one fails here until an operation's answer names it.
 */
@QuarkusTest
class OpenApiRefusalCodesTest {
    /** A refusal made with its code: the code as a literal, or as a constant of the same class or of a named one. */
    private static final Pattern REFUSAL = Pattern.compile("(?:ApiException\\.(?:badRequest|conflict|tooManyRequests)\\("
            + "|new ApiException\\(\\s*(?:Response\\.)?Status\\.[A-Z_]+,)\\s*(?:\"([a-z0-9_]+)\"|([A-Za-z_][A-Za-z0-9_.]*))");
    private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z][A-Z0-9_]*)\\s*=\\s*\"([a-z0-9_]+)\"");
    private static final Map<String, String> NAMED_REFUSALS = Map.of("ApiException.notFound(", "not_found",
            "ApiException.forbidden(", "forbidden", "ApiException.invalidParameter(", "validation_failed",
            "ApiException.rateLimited(", "rate_limited");
    /**
     * Refusals no API operation reaches: the admin pages' forms (the workspace, the review admin, the LLM settings,
     * topic labelling, a password change, form fields, a form whose caller accepts none of its page's types) and the
     * command line's file reading. (The API's own 406 is made ahead of the resources, where no operation names codes.)
     */
    private static final Set<String> PAGES_AND_COMMANDS_ONLY = Set.of("broken_gzip", "empty_reply", "intent_exists", "intent_in_use",
            "intent_removed", "invalid_gold", "invalid_intent_description", "invalid_intent_name", "invalid_reply", "invalid_slot",
            "invalid_source", "key_for_other_server", "locked", "malformed_form", "missing_intent_description", "no_examples",
            "not_a_candidate", "not_acceptable", "out_of_scope_intent", "out_of_scope_reply", "passwords_differ", "repeated_field", "reply_exists",
            "reply_retired", "reply_too_long", "rewrite_moving", "same_as_active", "same_intent",
            "too_many_examples", "unknown_intent", "wrong_password");
    /** What each operation's own calls can refuse with, where a code is easy to leave out of one answer while another names it. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("post /api/v1/users 400", List.of("invalid_username", "invalid_display_name", "password_needed", "weak_password",
                    "invalid_password", "password_too_long", "service_password", "invalid_roles", "unknown_role", "conflicting_roles",
                    "validation_failed", "malformed_json", "not_in_charset")),
            Map.entry("patch /api/v1/users/{id} 400", List.of("invalid_display_name", "password_needed", "weak_password", "invalid_password",
                    "password_too_long", "service_password", "invalid_roles", "unknown_role", "conflicting_roles", "validation_failed",
                    "malformed_json", "bad_parameter")),
            Map.entry("post /api/v1/review/{itemId} 400", List.of("validation_failed", "invalid_choice", "malformed_json", "invalid_text")),
            Map.entry("post /api/v1/respond 400", List.of("text_too_long", "invalid_text", "validation_failed", "malformed_json")),
            Map.entry("post /api/v1/classify 400", List.of("text_too_long", "invalid_text", "validation_failed", "malformed_json")),
            Map.entry("post /v1/chat/completions 400", List.of("text_too_long", "invalid_text", "validation_failed", "malformed_json",
                    "llm_loop", "messages_too_long", "too_many_messages", "unsupported_parameter", "unsupported_value")),
            Map.entry("post /api/v1/knowledge/articles 400", List.of("invalid_name", "unsupported_type", "empty_file", "binary_file",
                    "not_utf8", "compressed_file", "file_too_large", "invalid_file", "invalid_url")),
            Map.entry("post /api/v1/datasets/tickets 400", List.of("invalid_file", "not_utf8", "binary_file", "compressed_file",
                    "not_in_charset")),
            Map.entry("post /api/v1/datasets/preferences 400", List.of("invalid_file", "invalid_text", "not_utf8", "binary_file",
                    "compressed_file")),
            Map.entry("post /api/v1/drift/replay 400", List.of("validation_failed", "invalid_file", "not_utf8", "binary_file",
                    "compressed_file")),
            Map.entry("get /api/v1/knowledge/search 400", List.of("missing_query", "text_too_long", "invalid_text", "validation_failed")),
            Map.entry("post /api/v1/knowledge/search 400", List.of("missing_query", "text_too_long", "invalid_text", "malformed_json")),
            Map.entry("get /api/v1/audit 400", List.of("invalid_range", "validation_failed")),
            Map.entry("get /api/v1/export/preferences 400", List.of("invalid_format")));

    @Inject
    ApiKeyService keys;

    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        document = ApiDocument.read(ApiDocument.adminKey(keys, "openapi codes"));
    }

    @Test
    void everyCodeTheServerRefusesWithIsNamedByAnOperation() throws IOException {
        Map<String, Set<String>> thrown = thrownCodes();
        String answers = String.join("\n", answers().values());
        Map<String, Set<String>> unnamed = new TreeMap<>();
        thrown.forEach((code, where) -> {
            if (!PAGES_AND_COMMANDS_ONLY.contains(code) && !names(answers, code)) {
                unnamed.put(code, where);
            }
        });
        assertEquals(Map.of(), unnamed, "codes the server refuses with (and where) that no operation's answer names");
        Set<String> stale = new TreeSet<>(PAGES_AND_COMMANDS_ONLY);
        stale.removeAll(thrown.keySet());
        assertEquals(Set.of(), stale, "codes said to be given by pages or commands that nothing gives any more");
    }

    @Test
    void eachOperationNamesTheCodesItsCallsRefuseWith() {
        Map<String, String> answers = answers();
        Map<String, List<String>> missing = new TreeMap<>();
        EXPECTED.forEach((answer, codes) -> {
            String description = answers.getOrDefault(answer, "");
            List<String> absent = codes.stream().filter(code -> !names(description, code)).toList();
            if (!absent.isEmpty()) {
                missing.put(answer, absent);
            }
        });
        assertEquals(Map.of(), missing, "answers that leave out codes their operation's calls refuse with");
    }

    private static boolean names(String text, String code) {
        return Pattern.compile("(?<![a-z0-9_])" + code + "(?![a-z0-9_])").matcher(text).find();
    }

    /** Every error answer of an /api or /v1 operation, by "method path status". */
    private Map<String, String> answers() {
        Map<String, String> answers = new HashMap<>();
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/") || path.getKey().startsWith("/v1/")) {
                path.getValue().properties().forEach(method -> method.getValue().path("responses").properties().forEach(response -> {
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        answers.put(method.getKey() + " " + path.getKey() + " " + response.getKey(),
                                response.getValue().path("description").asText(""));
                    }
                }));
            }
        });
        return answers;
    }

    /** Each code a refusal is made with in the production sources (the demo's aside), with the classes that make it. */
    private static Map<String, Set<String>> thrownCodes() throws IOException {
        Map<Path, String> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/demo/")).toList()) {
                sources.put(file, Files.readString(file));
            }
        }
        Map<String, String> constants = new HashMap<>();
        sources.forEach((file, text) -> {
            Matcher constant = CONSTANT.matcher(text);
            while (constant.find()) {
                constants.put(className(file) + "." + constant.group(1), constant.group(2));
            }
        });
        Map<String, Set<String>> thrown = new TreeMap<>();
        sources.forEach((file, text) -> {
            if (className(file).equals("ApiException")) {
                return; // its factories pass on the code they are given
            }
            List<String> codes = new ArrayList<>();
            Matcher refusal = REFUSAL.matcher(text);
            while (refusal.find()) {
                String name = refusal.group(2);
                // An unresolved constant stays as its name, so it shows as unnamed rather than passing unseen.
                codes.add(refusal.group(1) != null ? refusal.group(1)
                        : constants.getOrDefault(name.contains(".") ? name : className(file) + "." + name, "?" + name));
            }
            NAMED_REFUSALS.forEach((call, code) -> {
                if (text.contains(call)) {
                    codes.add(code);
                }
            });
            codes.forEach(code -> thrown.computeIfAbsent(code, c -> new TreeSet<>()).add(className(file)));
        });
        return thrown;
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
