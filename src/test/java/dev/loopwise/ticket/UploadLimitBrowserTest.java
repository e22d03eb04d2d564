package dev.loopwise.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.common.HttpMessages;
import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Import page says how large a file may be, and a file over that limit is refused at its field, saying to split it,
 * instead of being sent whole to come back as an error page that leads away from the form.
 */
@QuarkusTest
class UploadLimitBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
        Path big = Files.createTempFile("tickets-too-large", ".csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(10L * 1024 * 1024 + 1);
        }
        driver = Browser.start();
        try {
            Browser.run(driver, "upload-limit-failure", () -> {
                signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
                driver.get(base + "admin/import");
                assertTrue(driver.findElement(By.id("import-limit")).getText().contains("up to 10 MB"),
                        driver.findElement(By.id("import-limit")).getText());
                WebElement field = driver.findElement(By.name("file"));
                field.sendKeys(big.toString());
                assertEquals(HttpMessages.fileTooLarge("10 MB"), field.getDomProperty("validationMessage"));
                samePageAfter(() -> driver.findElement(By.cssSelector("form[action='/admin/import'] button[type=submit]")).click());
                assertTrue(driver.getCurrentUrl().endsWith("/admin/import"), driver.getCurrentUrl());
                assertTrue(driver.findElements(By.id("import-result")).isEmpty()
                        && driver.findElement(By.tagName("h1")).getText().equals("Import tickets"), driver.getPageSource());
            });
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
