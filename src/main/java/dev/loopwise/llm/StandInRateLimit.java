package dev.loopwise.llm;

/**
 * The stand-in LLM's rate limit: at most {@code perSecond} requests in each second of the clock, as a provider counts
 * them; the rest are refused (HTTP 429, Retry-After: 1). A limit of 0 admits every request.
 */
final class StandInRateLimit {
    private final int perSecond;
    private long second = -1;
    private int admitted;
    private long refused;

    StandInRateLimit(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether a request arriving at {@code nowMillis} is answered; counts it either way. */
    synchronized boolean admit(long nowMillis) {
        if (perSecond == 0) {
            return true;
        }
        long now = nowMillis / 1000;
        if (now != second) {
            second = now;
            admitted = 0;
        }
        if (admitted < perSecond) {
            admitted++;
            return true;
        }
        refused++;
        return false;
    }

    synchronized long refused() {
        return refused;
    }
}
