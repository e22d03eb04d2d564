package dev.loopwise.review;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.WebDriver;

/**
 * A test that drives one Chromium ({@link Browser#start()}) into {@link #driver}: the browser is quit after each test,
 * whatever happened, so no test leaves a Chromium running.
 */
public abstract class BrowserTest {
    protected WebDriver driver;

    @AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
