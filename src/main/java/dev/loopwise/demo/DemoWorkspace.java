package dev.loopwise.demo;

import dev.loopwise.common.ApiException;
import dev.loopwise.common.Messages;
import dev.loopwise.model.intent.IntentRegime;
import dev.loopwise.model.registry.training.TrainingRun;
import dev.loopwise.model.registry.training.TrainingService;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.security.DemoHostFilter;
import dev.loopwise.security.Role;
import dev.loopwise.security.user.User;
import dev.loopwise.security.user.UserService;
import dev.loopwise.ticket.Intent;
import dev.loopwise.ticket.Reply;
import dev.loopwise.ticket.Ticket;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fernhill &amp; Co., a fictional online store written for Loopwise: intents, labelled tickets with the
 * agents' replies, a reply library in the store's voice, unlabelled traffic, and demo accounts.
 * Loading is idempotent: what is already there is left alone.
 */
@ApplicationScoped
public class DemoWorkspace {
    private static final Logger LOG = Logger.getLogger(DemoWorkspace.class);
    public static final String ADMIN_PASSWORD = "loopwise-admin";
    public static final String REVIEWER_PASSWORD = "loopwise-review";
    public static final List<String> REVIEWERS = List.of("reviewer1", "reviewer2", "reviewer3");

    @Inject
    DemoConfig config;
    @Inject
    UserService users;
    @Inject
    TrainingService training;
    @ConfigProperty(name = "quarkus.http.port")
    int port;
    @ConfigProperty(name = "quarkus.http.host")
    String host;

    /** Runs before the admin bootstrap, so the demo admin exists and no "create an admin" warning appears. */
    @Transactional
    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        ensureAccounts();
        Map<String, Intent> intents = loadIntents();
        int replies = loadReplies(intents);
        int tickets = loadTickets(intents);
        LOG.infof("Demo workspace ready: %d intents, %d new replies, %d new tickets.", intents.size(), replies, tickets);
        LOG.info(banner());
        reachableWithPublishedPasswords(host).ifPresent(LOG::warn);
    }

    /**
     * A demo told to listen beyond this machine (QUARKUS_HTTP_HOST, as the image does) lets anyone who reaches it sign in
     * with the passwords printed above and in the README: every start names the accounts that still have them, until
     * they are changed. Only then are the stored hashes checked, so a demo on this machine starts no slower.
     */
    Optional<String> reachableWithPublishedPasswords(String listensOn) {
        if (listensOn == null || DemoHostFilter.isLoopbackName(listensOn)) {
            return Optional.empty();
        }
        List<String> published = demoUsernames().stream().filter(name -> User.findByUsername(name)
                .filter(user -> user.isEnabled() && BcryptUtil.matches(
                        name.equals("admin") ? ADMIN_PASSWORD : REVIEWER_PASSWORD, user.passwordHash)).isPresent()).toList();
        return published.isEmpty() ? Optional.empty() : Optional.of(Messages.demoReachable(listensOn, published));
    }

    /**
     * A demo answers right away: without any model version yet, train the first one in the background, on
     * the frozen encoder (seconds); fine-tuning the encoder is the support lead's next step on the Models page.
     */
    void trainFirstModel(@Observes @Priority(200) StartupEvent event) {
        if (!config.enabled() || !QuarkusTransaction.requiringNew().call(() -> ModelVersion.count() == 0)) {
            return;
        }
        // A second demo instance started while the first one trains would be refused a training of its own, and its
        // start would fail: that first version is the one it waits for too.
        Optional<TrainingRun> under = QuarkusTransaction.requiringNew().call(TrainingRun::oldestUnfinished);
        if (under.isPresent()) {
            LOG.infof("The demo's first model version is being trained (training run %d); this instance serves it once it is ready.",
                    under.get().id);
            return;
        }
        LOG.info("Training the demo's first model version in the background...");
        try {
            training.start(IntentRegime.LINEAR, "demo");
        } catch (ApiException queuedByAnother) {
            // Two instances started at the same moment: both saw no run, and the other one's was queued first.
            if (!"training_running".equals(queuedByAnother.code)) {
                throw queuedByAnother;
            }
            LOG.info("Another instance queued the demo's first model version at the same moment; this instance serves it once it is ready.");
        }
    }

    String banner() {
        return "\n\n  Loopwise demo is running at " + config.url().orElse("http://localhost:" + port) + "\n"
                + "    admin      / " + ADMIN_PASSWORD + "\n"
                + REVIEWERS.stream().map(r -> "    " + r + "  / " + REVIEWER_PASSWORD + "\n").collect(Collectors.joining())
                + "\n";
    }

    /**
     * The demo's accounts have published passwords: adding them to a database that real people use
     * would open it to anyone who read the README. So the demo adds its accounts only to a database
     * that holds no other account (a demo database people later added accounts to stays usable).
     */
    private void ensureAccounts() {
        User.lockAccountWrites(); // held to the end of the start-up transaction: two demo instances add them once
        List<String> missing = new ArrayList<>();
        for (String name : demoUsernames()) {
            if (User.findByUsername(name).isEmpty()) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> foreign = User.<User>listAll().stream().filter(user -> !isDemoAccount(user))
                .map(user -> user.username).sorted().limit(5).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalStateException(Messages.demoRefusesDatabase(foreign));
        }
        for (String name : missing) {
            boolean admin = name.equals("admin");
            users.create(name, admin ? ADMIN_PASSWORD : REVIEWER_PASSWORD, admin ? Role.ADMIN : Role.REVIEWER,
                    admin ? "Demo admin" : "Demo " + name);
        }
    }

    private static List<String> demoUsernames() {
        List<String> names = new ArrayList<>(List.of("admin"));
        names.addAll(REVIEWERS);
        return names;
    }

    private static boolean isDemoAccount(User user) {
        boolean demoName = user.username.equals("admin") || REVIEWERS.contains(user.username);
        return demoName && user.displayName != null && user.displayName.startsWith("Demo ");
    }

    private Map<String, Intent> loadIntents() {
        for (CSVRecord row : read("intents.csv")) {
            if (Intent.findByName(row.get("name")).isEmpty()) {
                Intent intent = new Intent();
                intent.name = row.get("name");
                intent.description = row.get("description");
                intent.persist();
            }
        }
        return Intent.<Intent>listAll().stream().collect(Collectors.toMap(i -> i.name, Function.identity()));
    }

    private int loadReplies(Map<String, Intent> intents) {
        Set<String> known = Reply.<Reply>listAll().stream().map(r -> r.intent.id + "\u0000" + r.text)
                .collect(Collectors.toCollection(HashSet::new));
        int added = 0;
        for (CSVRecord row : read("replies.csv")) {
            Intent intent = intents.get(row.get("intent"));
            if (intent != null && known.add(intent.id + "\u0000" + row.get("text"))) {
                Reply reply = new Reply();
                reply.intent = intent;
                reply.text = row.get("text");
                reply.source = "demo";
                reply.persist();
                added++;
            }
        }
        return added;
    }

    private int loadTickets(Map<String, Intent> intents) {
        Set<String> known = new HashSet<>(Ticket.getEntityManager()
                .createQuery("select t.textHash from Ticket t where t.source = :source", String.class)
                .setParameter("source", Ticket.SOURCE_DEMO).getResultList());
        int added = 0;
        for (String file : List.of("tickets.csv", "traffic.csv")) {
            for (CSVRecord row : read(file)) {
                Intent intent = row.isMapped("label") ? intents.get(row.get("label")) : null;
                String response = row.isMapped("response") && !row.get("response").isBlank() ? row.get("response") : null;
                Ticket ticket = Ticket.of(row.get("text"), intent, response,
                        intent == null ? null : Ticket.defaultSplit(row.get("text")), Ticket.SOURCE_DEMO);
                if (known.add(ticket.textHash)) {
                    ticket.persist();
                    added++;
                }
            }
        }
        return added;
    }

    /** A demo file; traffic-shifted.csv is read by the replay tools, not loaded here. */
    public static List<CSVRecord> read(String file) {
        var stream = DemoWorkspace.class.getResourceAsStream("/demo/" + file);
        if (stream == null) {
            throw new IllegalStateException("The demo file " + file + " is missing from the build");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
