package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages print versions as "v3": that address, typed into the browser, opens the version at its own address, and a
 * version that does not exist is the usual page saying so, not a refusal of how the number was written.
 */
@QuarkusTest
class VersionAsShownBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aVersionTypedAsThePagesPrintItOpens() throws Exception {
        int active = ActiveModel.await();
        driver = Browser.start();
        Browser.run(driver, "version-as-shown-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String typed : new String[] {"v" + active, "V" + active}) {
                driver.get(base + "admin/models/" + typed);
                assertEquals("/admin/models/" + active, URI.create(driver.getCurrentUrl()).getPath(), typed + " goes to the version's address");
                assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Model v" + active), typed + ": "
                        + driver.findElement(By.tagName("h1")).getText());
            }
            driver.get(base + "admin/models/v987654321");
            assertEquals("/admin/models/987654321", URI.create(driver.getCurrentUrl()).getPath());
            String missing = driver.findElement(By.tagName("body")).getText();
            assertTrue(missing.contains("No model version 987654321.") && missing.contains("Error 404"), missing);
        });
    }
}
