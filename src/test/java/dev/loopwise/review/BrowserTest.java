package dev.loopwise.review;

import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /** Signs in on the login page of the application at {@code base} and waits until the browser has left that page. */
    protected void signIn(URL base, String username, String password) {
        driver.get(base + "login");
        driver.findElement(By.name("j_username")).sendKeys(username);
        driver.findElement(By.name("j_password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }
}
