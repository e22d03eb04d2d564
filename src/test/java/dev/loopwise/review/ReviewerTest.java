package dev.loopwise.review;

import dev.loopwise.model.ActiveModel;
import dev.loopwise.security.apikey.ApiKeyService;
import dev.loopwise.security.Caller;
import dev.loopwise.security.user.UserService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;

/** A test of reviewers at work: items need a model that answers tickets, and each test makes its own reviewers. */
public abstract class ReviewerTest {
    @Inject
    public ApiKeyService keys;
    @Inject
    public UserService users;
    @Inject
    public EntityManager em;

    @BeforeEach
    void awaitModel() {
        ActiveModel.await();
    }

    /** A new reviewer with an API key. */
    public Caller reviewer() {
        return Caller.reviewer(users, keys);
    }
}
