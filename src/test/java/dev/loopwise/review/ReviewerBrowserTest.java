package dev.loopwise.review;

import dev.loopwise.security.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;

/** A browser test of the reviewer's pages: the application's address, and what it needs to make reviewers and items. */
public abstract class ReviewerBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    protected URL base;
    @Inject
    protected UserService users;
    @Inject
    protected EntityManager em;
}
