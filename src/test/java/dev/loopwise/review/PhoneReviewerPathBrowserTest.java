package dev.loopwise.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.model.ActiveModel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer's path on a 375 × 667 phone, from signing in to a skip's reason: a ticket of long unbroken order numbers and
 * addresses wraps inside the screen, every control on the way is 44 px high (the menu, Log in, a star and a skip reason
 * were 26 to 42 px), and every box a reviewer types in writes at 16 px (at 14 or 15 px an iPhone zooms in on the focus).
 */
@QuarkusTest
class PhoneReviewerPathBrowserTest extends ReviewerBrowserTest {
    private static final String LONG_TICKET = "Where is my order ORD-20261206-" + "0".repeat(40) + "481516? The link "
            + "https://shop.example.com/account/orders/track?id=" + "a8f3c2d1e4b5a697".repeat(5) + "&utm_source=mail";

    /** The shown elements this selector finds that are under 44 px high (or, for a star, under 44 px wide), and how big. */
    private static final String UNDER_44 = """
            return [...document.querySelectorAll(arguments[0])].filter((e) => e.getClientRects().length > 0).flatMap((e) => {
              const r = e.getBoundingClientRect(); const width = e.classList.contains('stars') ? r.width / 5 : r.width;
              return r.height < 44 || width < 44 ? [(e.id || e.textContent.trim()) + ': ' + Math.round(width) + ' × ' + Math.round(r.height)] : [];
            });""";

    /** The boxes this selector finds that write under 16 px, and at what size. */
    private static final String UNDER_16_PX = """
            return [...document.querySelectorAll(arguments[0])].filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16)
              .map((e) => (e.id || e.name) + ': ' + getComputedStyle(e).fontSize);""";

    private Long longItem;
    /** Letters only, unique to this run: a ticket's text may appear once with the same two replies. */
    private final String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "");

    @Test
    void aReviewerOnAPhoneNeitherScrollsSidewaysNorZoomsNorMissesATap() throws Exception {
        ActiveModel.await();
        String reviewer = newReviewer("phonepath");
        longItem = ReviewItems.fromSource(em, LONG_TICKET + tag, "traffic", null, 1);
        driver = Browser.start();
        JavascriptExecutor js = (JavascriptExecutor) driver;
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        Browser.run(driver, "phone-reviewer-path-failure", () -> {
            driver.manage().window().setSize(new Dimension(375, 667));
            driver.get(base + "login");
            assertTrue(((Number) js.executeScript("return window.innerWidth;")).intValue() <= 375, "the page is measured at phone width");
            assertEquals(List.of(), js.executeScript(UNDER_16_PX, "main input:not([type=hidden])"), "sign-in boxes that zoom the page on focus");
            assertEquals(List.of(), js.executeScript(UNDER_44, "main button"), "sign-in buttons too small to tap");

            signIn(base, reviewer, "browser-password");
            driver.get(base + "review/judge");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("text-A")));
            assertTrue(driver.findElement(By.id("ticket-text")).getText().replaceAll("\\s", "").contains("mail" + tag),
                    "the long ticket is the one on screen");
            assertEquals(Boolean.TRUE, js.executeScript("return document.scrollingElement.scrollWidth <= window.innerWidth;"),
                    "the long ticket needs no sideways scrolling");
            assertEquals(List.of(), js.executeScript(UNDER_44, ".topbar a, .topbar button, .review .choices button, .review .stars"),
                    "menu, choices and stars too small to tap");
            assertEquals(List.of(), js.executeScript(UNDER_16_PX, ".review textarea, .review input[type=text]"),
                    "judging boxes that zoom the page on focus");
            // A tap just after a ticket appears is ignored (it was meant for the one before): a person reads first.
            wait.until(d -> Boolean.TRUE.equals(js.executeScript("return document.getElementById('review').dataset.settled !== 'false';")));
            driver.findElement(By.cssSelector("[data-action=skip]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("skip-box")));
            assertEquals(List.of(), js.executeScript(UNDER_44, ".review .skip-box button"), "skip reasons too small to tap");
            assertEquals(Boolean.TRUE, js.executeScript("return document.scrollingElement.scrollWidth <= window.innerWidth;"),
                    "the skip reasons need no sideways scrolling");
        });
    }

    @AfterEach
    void closeLongItem() {
        Long made = longItem;
        longItem = null;
        if (made != null) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update review_items set status = 'complete' where id = ?1 and status = 'open'").setParameter(1, made).executeUpdate());
        }
    }
}
