package dev.loopwise.alignment.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.model.registry.version.ModelVersion;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The version a round made but did not promote is reachable from the Rounds pages, and Review quality lets reviewers compare
 * it with the active version, as it does a trained candidate: their judgements are what the next round needs. Statuses on
 * those pages read as words.
 */
@QuarkusTest
class KeptCandidateBrowserTest extends BrowserTest {
    /** The codes the API keeps, which a page should not show. */
    private static final Set<String> RAW = Set.of("candidate", "rejected", "retired", "queued", "running", "succeeded", "failed",
            "superseded", "needs_evidence");

    @TestHTTPResource("/")
    URL base;

    @Test
    void aNotPromotedRoundVersionIsLinkedAndCanBeComparedWithTheActiveOne() throws Exception {
        int active = ActiveModel.await();
        long round = QuarkusTransaction.requiringNew().call(() -> {
            AlignmentRound r = new AlignmentRound();
            r.method = RoundSettings.REWARD_WEIGHTED;
            r.status = AlignmentRound.REJECTED;
            r.startedBy = "admin";
            r.baseVersion = active;
            r.finishedAt = OffsetDateTime.now();
            r.persist();
            return r.id;
        });
        // Its version: the active one's model under another checksum, as a round's would be (it picks other replies).
        int kept = QuarkusTransaction.requiringNew().call(() -> ((Number) ModelVersion.getEntityManager().createNativeQuery("""
                insert into model_versions (version, status, encoder_id, encoder_source, regime, parameters, checksum, lineage, metrics)
                select nextval('model_version_numbers'), 'rejected', encoder_id, encoder_source, regime, parameters, 'kept-candidate-test',
                       jsonb_build_object('alignmentRound', ?2, 'baseVersion', ?1), '{}'::jsonb
                from model_versions where version = ?1 returning version""").setParameter(1, active).setParameter(2, round)
                .getSingleResult()).intValue());
        QuarkusTransaction.requiringNew().run(() -> AlignmentRound.<AlignmentRound>findById(round).candidateVersion = kept);
        driver = Browser.start();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            Browser.run(driver, "kept-candidate-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/models");
                WebElement version = driver.findElement(By.xpath("//table[@id='versions']//a[@href='/admin/models/" + kept + "']/ancestor::tr"));
                assertEquals("not promoted", version.findElement(By.cssSelector(".badge")).getText());
                List<String> shown = driver.findElements(By.cssSelector("#versions .badge, #run-status")).stream().map(WebElement::getText).toList();
                assertTrue(shown.stream().noneMatch(RAW::contains), "statuses read as words, not codes: " + shown);

                driver.get(base + "admin/rounds");
                WebElement row = driver.findElement(By.xpath("//table[@id='rounds']//a[@href='/admin/rounds/" + round + "']/ancestor::tr"));
                assertEquals("not promoted", row.findElement(By.cssSelector(".badge")).getText(), "the status in words");
                assertEquals("v" + kept, row.findElement(By.cssSelector("a[href='/admin/models/" + kept + "']")).getText(),
                        "the candidate links to its page, which compares it with the active version");

                driver.get(base + "admin/rounds/" + round);
                assertEquals("not promoted", driver.findElement(By.id("round-status")).getText());
                List<String> badges = driver.findElements(By.cssSelector(".badge")).stream().map(WebElement::getText).toList();
                assertTrue(badges.stream().noneMatch(RAW::contains), badges.toString());
                WebElement said = driver.findElement(By.id("round-candidate"));
                assertTrue(said.getText().contains("v" + kept) && said.getText().contains("compare"), said.getText());
                assertEquals("Version " + kept + "'s page", said.findElement(By.cssSelector("a[href='/admin/models/" + kept + "']")).getText(),
                        "the link says where it goes");
                clickAndWaitForNewPage(said.findElement(By.cssSelector("a[href='/admin/review']")));

                wait.until(ExpectedConditions.urlContains("/admin/review"));
                WebElement offer = driver.findElement(By.xpath("//form[@action='/admin/review/compare'][input[@name='version' and @value='"
                        + kept + "']]"));
                assertTrue(offer.getText().contains("not promoted"), "the offer says what the version is: " + offer.getText());
                clickAndWaitForNewPage(offer.findElement(By.tagName("button")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//form[@action='/admin/review/compare']"
                        + "[input[@name='version' and @value='" + kept + "']]"), "being compared"));
                assertEquals(kept, QuarkusTransaction.requiringNew().call(() -> ModelVersion.findUnderReview().map(v -> v.version).orElse(-1)),
                        "reviewers now get items pairing its replies with the active version's");
                clickAndWaitForNewPage(driver.findElement(By.xpath("//form[@action='/admin/review/compare'][input[@name='version'"
                        + " and @value='" + kept + "']]//button")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath("//form[@action='/admin/review/compare']"
                        + "[input[@name='version' and @value='" + kept + "']]"), "Compare with the active version"));
                assertFalse(QuarkusTransaction.requiringNew().call(() -> ModelVersion.findByVersion(kept).orElseThrow().underReview));
            });
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                ModelVersion.delete("version", kept);
                AlignmentRound.deleteById(round);
            });
        }
    }
}
