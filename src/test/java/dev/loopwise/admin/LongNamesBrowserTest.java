package dev.loopwise.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.ScratchAccounts;
import dev.loopwise.security.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/** A name typed without a space, as long as its field allows, wraps inside its cell instead of pushing the page sideways. */
@QuarkusTest
class LongNamesBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    ApiKeyService keys;
    @Inject
    UserService users;


    @Test
    void aLongKeyNameOrDisplayNameStaysWithinTheDesktopPage() throws Exception {
        ActiveModel.await();
        String unbroken = "x".repeat(90) + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ScratchAccounts.key(keys.create("admin", unbroken));
        String reviewer = "r" + UUID.randomUUID().toString().substring(0, 8);
        ScratchAccounts.user(users.create(reviewer, "long-enough-pw", "reviewer", unbroken));
        driver = Browser.start();
        List<String> sideways = new ArrayList<>();
        Browser.run(driver, "long-names-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (String page : List.of("account", "admin/audit", "admin/users")) {
                driver.get(base + page);
                assertTrue(driver.getPageSource().contains(unbroken), page + " shows the name");
                Object width = ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('details').forEach(d => d.open = true);"
                        + " const root = document.documentElement; return root.scrollWidth > window.innerWidth + 1"
                        + " ? '/' + '" + page + " is ' + root.scrollWidth + ' px wide on a ' + window.innerWidth + ' px screen' : null;");
                if (width != null) {
                    sideways.add(width.toString());
                }
            }
        });
        assertTrue(sideways.isEmpty(), String.join("; ", sideways));
    }
}
