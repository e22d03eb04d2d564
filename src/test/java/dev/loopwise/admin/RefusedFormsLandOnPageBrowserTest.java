package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.Caller;
import dev.loopwise.security.Role;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A refused Make items or Start round press lands on its page's own address, as one that worked does: the address bar
 * shows the page, not the form's action, and a reload shows the refusal again instead of sending the form a second time.
 */
@QuarkusTest
class RefusedFormsLandOnPageBrowserTest extends BrowserTest {
    /** How the shown page was reached: through a redirect (a form answered so), and whether it was loaded again. */
    private static final String ARRIVAL = "const n = performance.getEntriesByType('navigation')[0];"
            + " return n.redirectCount + ' ' + n.type;";

    @TestHTTPResource("/")
    URL base;
    @Inject
    UserService users;

    @Test
    void aRefusedMakeItemsPressLandsOnReviewQuality() throws Exception {
        // Make items is offered once a version answers.
        ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "refused-make-items-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/review");
            WebElement count = driver.findElement(By.name("count"));
            count.clear();
            clickAndWaitForNewPage(driver.findElement(By.xpath("//form[@action='/admin/review/generate']//button[@type='submit']")));
            String said = "Make review items: type a whole number from 1 to 500. Nothing was made.";
            assertLandedOn("/admin/review", "1 navigate");
            assertEquals(said, driver.findElement(By.id("field-error")).getText(), driver.getPageSource());
            assertEquals("count", ((JavascriptExecutor) driver).executeScript("return document.activeElement.name"),
                    "the page opens on the field refused");

            driver.navigate().refresh();
            assertLandedOn("/admin/review", "0 reload");
            assertEquals(said, driver.findElement(By.id("field-error")).getText(), "a reload shows the refusal again");
        });
    }

    @Test
    void aRefusedStartRoundPressLandsOnRounds() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "refused-start-round-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/rounds");
            // A decimal comma, past the browser's own number check: refused whatever the judgements, so no round starts.
            ((JavascriptExecutor) driver).executeScript("const form = document.getElementById('start-round'); form.noValidate = true;"
                    + " form.querySelector('details').open = true; form.querySelector('input[name=beta]').type = 'text';");
            WebElement beta = driver.findElement(By.name("beta"));
            beta.clear();
            beta.sendKeys("0,5");
            clickAndWaitForNewPage(driver.findElement(By.cssSelector("#start-round button[type=submit]")));
            assertLandedOn("/admin/rounds", "1 navigate");
            assertTrue(driver.findElement(By.id("round-error")).getText().startsWith("β (how close to stay): '0,5' is not a number"),
                    driver.getPageSource());
            assertEquals("0,5", driver.findElement(By.name("beta")).getAttribute("value"), "what was typed stays in sight");

            driver.navigate().refresh();
            assertLandedOn("/admin/rounds", "0 reload");
            assertTrue(driver.findElement(By.id("round-error")).getText().startsWith("β (how close to stay): '0,5' is not a number"),
                    "a reload shows the refusal again");

            // A refusal of the form as a whole (a method no round knows) is carried alike, and said at the top.
            ((JavascriptExecutor) driver).executeScript("const form = document.getElementById('start-round'); form.noValidate = true;"
                    + " form.querySelector('input[name=beta]').value = '0.5';"
                    + " const magic = document.createElement('option'); magic.value = 'magic'; form.querySelector('select[name=method]').add(magic);"
                    + " form.querySelector('select[name=method]').value = 'magic';");
            clickAndWaitForNewPage(driver.findElement(By.cssSelector("#start-round button[type=submit]")));
            assertLandedOn("/admin/rounds", "1 navigate");
            assertTrue(driver.findElement(By.id("round-error")).getText().contains("magic"), driver.getPageSource());
        });
    }

    @Test
    void anAddressMadeByHandRefusesNothing() {
        // The refusal is sealed for the admin who pressed: one typed or linked shows the page as it is.
        Caller admin = Caller.session("admin");
        String review = admin.pageRequest().accept("text/html")
                .get("/admin/review?refused=400&field=count&error=Planted&count=7&at=" + System.currentTimeMillis() / 1000 + "&seal=x")
                .then().statusCode(200).extract().asString();
        assertFalse(review.contains("Planted") || review.contains("aria-invalid"), review);
        String rounds = admin.pageRequest().accept("text/html")
                .get("/admin/rounds?refused=409&error=Planted&at=" + System.currentTimeMillis() / 1000 + "&seal=x")
                .then().statusCode(200).extract().asString();
        assertFalse(rounds.contains("Planted"), rounds);
        // The address a refusal gave shows it; the same address altered shows the page without it.
        String landing = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("count=abc&csrf-token=" + admin.csrfToken()).post("/admin/review/generate").then().statusCode(303)
                .extract().header("Location");
        assertTrue(admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(landing).then().statusCode(400).extract().asString()
                .contains("Make review items: &#39;abc&#39; is not a whole number."), landing);
        String altered = admin.pageRequest().accept("text/html").urlEncodingEnabled(false).get(landing.replace("count=abc", "count=abd"))
                .then().statusCode(200).extract().asString();
        assertFalse(altered.contains("abd") || altered.contains("aria-invalid"), altered);
        // Sealed for the admin who pressed: the very address, opened by another admin, shows that admin the page as it is.
        String other = "a" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(other, "long-enough-pw", Role.ADMIN, null));
        String theirs = Caller.session(other, "long-enough-pw").pageRequest().accept("text/html").urlEncodingEnabled(false).get(landing)
                .then().statusCode(200).extract().asString();
        assertFalse(theirs.contains("abc") || theirs.contains("aria-invalid"), theirs);
    }

    @Test
    void aValueTooLongToCarryInAnAddressIsAnsweredWithThePageItself() {
        // A form takes far more than an address may hold: redirected, the refusal would be lost to the address's own.
        Caller admin = Caller.session("admin");
        String seed = "9".repeat(9000);
        Response start = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("method=dpo&seed=" + seed + "&csrf-token=" + admin.csrfToken()).post("/admin/rounds");
        String page = start.then().statusCode(400).extract().asString();
        assertNull(start.header("Location"), "answered, not redirected");
        assertTrue(page.contains("Seed: " + "9".repeat(40) + "… is too large.") && page.contains("value=\"" + seed + "\""), page);

        // Make items is offered once a version answers.
        ActiveModel.await();
        String count = "\u4e00".repeat(1000);
        Response make = admin.pageRequest().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .body("count=" + URLEncoder.encode(count, StandardCharsets.UTF_8) + "&csrf-token=" + admin.csrfToken())
                .post("/admin/review/generate");
        String review = make.then().statusCode(400).extract().asString();
        assertNull(make.header("Location"), "answered, not redirected");
        assertTrue(review.contains("Make review items: &#39;" + count.substring(0, 40) + "…&#39; is not a whole number.")
                && review.contains("value=\"" + count + "\""), review);
    }

    private void assertLandedOn(String path, String arrival) {
        URI at = URI.create(driver.getCurrentUrl());
        assertEquals(path, at.getPath(), "the page's own address, not the form's action: " + at);
        assertTrue(at.getQuery() != null && at.getQuery().contains("refused="), "the address carries the refusal: " + at);
        assertEquals(arrival, ((JavascriptExecutor) driver).executeScript(ARRIVAL), "how the page was reached: " + at);
    }
}
