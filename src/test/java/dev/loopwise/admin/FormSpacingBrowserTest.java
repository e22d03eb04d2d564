package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An import's outcome keeps its distance from the form under it (it sat against the File label), and on a phone the
 * Knowledge page's fields share one width (the article's address was narrower than the File box above it).
 */
@QuarkusTest
class FormSpacingBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void anImportsOutcomeStandsApartFromTheFormUnderIt() throws Exception {
        Path file = Files.createTempFile("spacing", ".csv");
        Files.writeString(file, "text\nThe parcel has not come: where is order " + System.nanoTime() + "?\n");
        driver = Browser.start();
        Browser.run(driver, "import-spacing-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/import");
            driver.findElement(By.name("file")).sendKeys(file.toString());
            clickAndWaitForNewPage(driver.findElement(By.cssSelector("form[action='/admin/import'] button[type=submit]")));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
            Number gap = (Number) ((JavascriptExecutor) driver).executeScript("""
                    const box = document.getElementById('import-result').getBoundingClientRect();
                    const label = document.querySelector("form[action='/admin/import'] label").getBoundingClientRect();
                    return label.top - box.bottom;""");
            assertTrue(gap.doubleValue() >= 8, "space between the outcome and the File label: " + gap + " px");
        });
        Files.deleteIfExists(file);
    }

    @Test
    void theKnowledgePagesFieldsShareOneWidthOnAPhone() throws Exception {
        driver = Browser.start();
        Browser.run(driver, "knowledge-fields-failure", () -> {
            driver.manage().window().setSize(new Dimension(390, 844));
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            driver.get(base + "admin/knowledge");
            List<?> widths = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    return ['file', 'url', 'ticket'].map((name) => Math.round(document.querySelector('main [name=' + name + ']')
                        .getBoundingClientRect().width));""");
            assertTrue(widths.stream().distinct().count() == 1, "widths of the File, address and ticket boxes: " + widths);
        });
    }
}
