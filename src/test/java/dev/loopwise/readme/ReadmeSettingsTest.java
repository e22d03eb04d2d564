package dev.loopwise.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.readme.CodeSettings.Setting;
import dev.loopwise.readme.ReadmeSettings.Documented;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's settings tables are what an operator configures Loopwise from, so each setting the code reads is there, with
 * the default the code has, and each variable the tables name does something.
 */
class ReadmeSettingsTest {
    /** Variables the application's configuration does not read, each with the file that does and why it is outside. */
    private record Outside(String readBy, String why) {
    }

    private static final Map<String, Outside> OUTSIDE = Map.ofEntries(
            Map.entry("LOOPWISE_JAVA", new Outside("loopwise", "the launcher picks the java that runs Loopwise")),
            Map.entry("LOOPWISE_CDS", new Outside("loopwise", "the launcher makes and passes the JVM's start-up cache")),
            Map.entry("LOOPWISE_NATIVE_TRIM_MS", new Outside("loopwise", "a JVM option the launcher passes")),
            Map.entry("LOOPWISE_IDLE_GC_MS", new Outside("loopwise", "a JVM option the launcher passes")),
            Map.entry("LOOPWISE_INITIAL_HEAP", new Outside("loopwise", "a JVM option the launcher passes")),
            Map.entry("LOOPWISE_DB_ADMIN_USER", new Outside("src/main/java/dev/loopwise/cli/support/DatabaseSettings.java",
                    "creating the database happens before the application and its configuration start")),
            Map.entry("LOOPWISE_DB_ADMIN_PASSWORD", new Outside("src/main/java/dev/loopwise/cli/support/DatabaseSettings.java",
                    "creating the database happens before the application and its configuration start")),
            Map.entry("LOOPWISE_ENCODER_CACHE_DIR", new Outside("src/main/java/dev/loopwise/model/encoder/EncoderSettings.java",
                    "the command-line tools that need no database run without the configuration")),
            Map.entry("LOOPWISE_API_KEY", new Outside("src/main/java/dev/loopwise/monitoring/replay/ReplayCommand.java",
                    "the commands that call a running Loopwise take their --key from it")),
            Map.entry("LOOPWISE_MODE", new Outside("docker-compose.yml", "which command the container runs")),
            Map.entry("LOOPWISE_LISTEN", new Outside("docker-compose.yml", "where Docker publishes the port")),
            Map.entry("LOOPWISE_BALANCER_PORT", new Outside("docker-compose.yml", "where Docker publishes HAProxy's port")),
            Map.entry("LOOPWISE_ADMIN_PASSWORD", new Outside("docker-compose.yml",
                    "compose passes it on as LOOPWISE_SECURITY_ADMIN_PASSWORD")),
            Map.entry("LOOPWISE_IT_DB", new Outside("src/test/java/dev/loopwise/cli/PackagedApp.java", "the test suite's own")),
            Map.entry("LOOPWISE_IT_PORT_BASE", new Outside("src/test/java/dev/loopwise/cli/TwoInstancesIT.java", "the test suite's own")));

    /** Settings without a default in the code whose default README gives as a value: one worked out at start. */
    private static final Map<String, String> WORKED_OUT = Map.of(
            "LOOPWISE_DEMO_URL", "http://localhost and the HTTP port, printed by the demo");

    private static Map<String, Collection<Setting>> code;
    private static List<Documented> readme;
    private static final List<String> formProblems = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        code = CodeSettings.all();
        readme = ReadmeSettings.read(MarkdownTables.readme(), ReadmeSettingsTest::known, formProblems);
    }

    @Test
    void theCodeAndTheTablesAreRead() {
        assertTrue(code.containsKey("LOOPWISE_SECURITY_LOGIN_LOCKOUT"), "nested groups are read: " + code.keySet());
        assertTrue(code.containsKey("LOOPWISE_MODEL_SYNC_INTERVAL"), "scheduled jobs' settings are read");
        assertTrue(code.containsKey("LOOPWISE_DB_URL"), "application.properties' variables are read");
        assertTrue(code.size() > 120, "settings found in the code: " + code.size());
        assertTrue(readme.size() > 120, "settings found in README's tables: " + readme.size());
        assertEquals(List.of(), formProblems);
    }

    @Test
    void everySettingIsInTheTablesWithTheDefaultTheCodeHas() {
        List<String> wrong = new ArrayList<>();
        for (var entry : code.entrySet()) {
            List<Documented> rows = readme.stream().filter(d -> d.variable().equals(entry.getKey()) && d.defaultCell() != null).toList();
            Setting setting = entry.getValue().iterator().next();
            if (rows.isEmpty()) {
                wrong.add(entry.getKey() + " (" + setting.declaredIn() + ", default " + setting.defaultValue() + ") has no row with its default in the settings tables");
            }
            for (Documented row : rows) {
                String problem = compare(setting, ReadmeSettings.literal(row.defaultCell()), type(entry.getValue()));
                if (problem != null) {
                    wrong.add("README line " + row.line() + ", " + entry.getKey() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aSettingReadInTwoPlacesHasOneDefault() {
        List<String> wrong = new ArrayList<>();
        for (var entry : code.entrySet()) {
            Setting first = entry.getValue().iterator().next();
            for (Setting other : entry.getValue()) {
                if (!Defaults.same(first.defaultValue(), other.defaultValue(), type(entry.getValue()))) {
                    wrong.add(entry.getKey() + ": " + first.defaultValue() + " in " + first.declaredIn() + ", "
                            + other.defaultValue() + " in " + other.declaredIn());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyVariableTheTablesNameIsASetting() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (Documented row : readme) {
            if (!known(row.variable())) {
                unknown.add("README line " + row.line() + ": " + row.variable());
            }
        }
        assertEquals(List.of(), unknown, "variables nothing reads (a typo, or a setting that was renamed or removed)");
    }

    @Test
    void everyVariableReadmeMentionsIsASetting() throws Exception {
        List<String> unknown = new ArrayList<>();
        ReadmeSettings.mentions(Files.readAllLines(MarkdownTables.README)).forEach((name, line) -> {
            if (!known(name)) {
                unknown.add("README line " + line + ": " + name);
            }
        });
        assertEquals(List.of(), unknown);
    }

    @Test
    void theVariablesOutsideTheConfigurationAreReadWhereTheListSaysAndDocumentedWithTheirDefaults() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var entry : OUTSIDE.entrySet()) {
            String name = entry.getKey();
            String file = Files.readString(Path.of(entry.getValue().readBy()));
            if (!file.contains(name)) {
                wrong.add(name + " is not read by " + entry.getValue().readBy() + " any more (" + entry.getValue().why() + ")");
            }
            Matcher fallback = Pattern.compile("\\$\\{" + name + ":-([^}]+)}|getOrDefault\\(\"" + name + "\", \"([^\"]+)\"\\)").matcher(file);
            if (fallback.find()) {
                String value = fallback.group(1) != null ? fallback.group(1) : fallback.group(2);
                for (Documented row : readme) {
                    if (row.variable().equals(name) && row.defaultCell() != null
                            && !value.equals(ReadmeSettings.literal(row.defaultCell()))) {
                        wrong.add("README line " + row.line() + ", " + name + ": README says " + ReadmeSettings.literal(row.defaultCell())
                                + ", " + entry.getValue().readBy() + " " + value);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The difference between the code's default and README's, or null when they agree. */
    private static String compare(Setting setting, String documented, Class<?> type) {
        String value = setting.defaultValue();
        if (value == null) {
            return documented == null || WORKED_OUT.containsKey(setting.variable()) ? null
                    : "README gives the default " + documented + ", the code has none (" + setting.declaredIn() + ")";
        }
        if (documented == null) {
            return "README describes the default in words; write the value, " + value;
        }
        return Defaults.same(value, documented, type) ? null
                : "README says " + documented + ", the code " + value + " (" + setting.declaredIn() + ")";
    }

    private static Class<?> type(Collection<Setting> declared) {
        return declared.stream().map(Setting::type).filter(t -> t != null).findFirst().orElse(null);
    }

    private static boolean known(String variable) {
        return code.containsKey(variable) || OUTSIDE.containsKey(variable);
    }
}
