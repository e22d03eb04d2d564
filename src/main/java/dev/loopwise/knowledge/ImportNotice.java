package dev.loopwise.knowledge;

import dev.loopwise.common.KnowledgeFileMessages;
import dev.loopwise.common.KnowledgeMessages;
import dev.loopwise.security.SessionStamps;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import sent from the page did, carried in the address the page redirects to: the answer to the upload is a
 * redirect, so refreshing the page afterwards shows the outcome again instead of importing the file a second time. The
 * address is sealed with the session key for the admin who imported, and read only for a while: its titles are the file's
 * words, and a link made by anyone else could otherwise have the page say, in its own voice, whatever it carries.
 */
final class ImportNotice {
    static final String IMPORTED = "imported";
    static final String PASSAGES = "passages";
    static final String REPLACED = "replaced";
    /** The first few titles the import shares with other articles, as shared1, shared2... (see {@link #LEFT_OUT}). */
    static final String SHARED = "shared";
    static final String SHARED_MORE = "sharedMore";
    /**
     * How many articles' addresses were left out; the first few of their titles follow as leftOut1, leftOut2...: every query
     * parameter takes one value, so a list travels numbered.
     */
    static final String LEFT_OUT = "leftOut";
    static final int TITLE_IN_ADDRESS = 80;
    /** When the import was done, in seconds since 1970, and the seal over the notice, its admin and that time. */
    static final String AT = "at";
    static final String SEAL = "seal";
    private static final String PURPOSE = "knowledge import notice";
    /** Long enough for a slow redirect and a reload or two of the answer, as other pages' notices. */
    static final Duration SHOWN_FOR = Duration.ofMinutes(10);
    /** Another instance's clock may be a little ahead of this one's. */
    private static final Duration CLOCKS_APART = Duration.ofMinutes(1);

    private ImportNotice() {
    }

    /** The page's address with what the import {@code user} sent did {@code now}, sealed by {@code stamps}. */
    static URI address(KnowledgeImporter.Result result, String user, Instant now, SessionStamps stamps) {
        StringBuilder address = new StringBuilder("/admin/knowledge?" + IMPORTED + "=" + result.articles() + "&" + PASSAGES + "="
                + result.passages() + "&" + REPLACED + "=" + result.replaced());
        List<String> shared = result.sharedTitles();
        List<String> sharedInAddress = new ArrayList<>();
        for (int i = 0; i < Math.min(shared.size(), KnowledgeFileMessages.SHARED_TITLES_NAMED); i++) {
            sharedInAddress.add(shortened(shared.get(i)));
            address.append('&').append(SHARED).append(i + 1).append('=').append(encode(sharedInAddress.get(i)));
        }
        if (shared.size() > KnowledgeFileMessages.SHARED_TITLES_NAMED) {
            address.append('&').append(SHARED_MORE).append('=').append(shared.size() - KnowledgeFileMessages.SHARED_TITLES_NAMED);
        }
        List<String> leftOut = result.addressesLeftOut();
        List<String> leftOutInAddress = new ArrayList<>();
        if (!leftOut.isEmpty()) {
            address.append('&').append(LEFT_OUT).append('=').append(leftOut.size());
            for (int i = 0; i < Math.min(leftOut.size(), KnowledgeMessages.LEFT_OUT_TITLES_NAMED); i++) {
                leftOutInAddress.add(shortened(leftOut.get(i)));
                address.append('&').append(LEFT_OUT).append(i + 1).append('=').append(encode(leftOutInAddress.get(i)));
            }
        }
        // The page reads the notice back from these very values: sealing the sentence they make seals all of them.
        String notice = read(String.valueOf(result.articles()), String.valueOf(result.passages()), String.valueOf(result.replaced()),
                sharedInAddress, shared.size() > KnowledgeFileMessages.SHARED_TITLES_NAMED
                        ? String.valueOf(shared.size() - KnowledgeFileMessages.SHARED_TITLES_NAMED) : null,
                leftOut.isEmpty() ? null : String.valueOf(leftOut.size()), leftOutInAddress);
        if (notice != null) {
            long at = now.getEpochSecond();
            address.append('&').append(AT).append('=').append(at).append('&').append(SEAL).append('=')
                    .append(stamps.seal(PURPOSE, sealed(notice, user, at)));
        }
        return URI.create(address.append("#knowledge-result").toString());
    }

    /**
     * {@code notice} ({@link #read}) when the address's seal is the one {@link #address} gave it for {@code user}, and its
     * time is recent; null otherwise, so a forged, altered, someone else's or stale address shows the page without a notice.
     */
    static String shown(String notice, String at, String seal, String user, Instant now, SessionStamps stamps) {
        if (notice == null || at == null || !at.matches("\\d{1,12}") || user == null) {
            return null;
        }
        Instant made = Instant.ofEpochSecond(Long.parseLong(at));
        boolean recent = made.isAfter(now.minus(SHOWN_FOR)) && made.isBefore(now.plus(CLOCKS_APART));
        return recent && stamps.sealed(PURPOSE, sealed(notice, user, Long.parseLong(at)), seal) ? notice : null;
    }

    private static String sealed(String notice, String user, long at) {
        return user + "\0" + at + "\0" + notice;
    }

    /**
     * A title as the address carries it: titles may be 500 characters, and five long ones, percent-encoded, would make an
     * address that proxies in front of Loopwise refuse (nginx takes 8 KB) right after an import that worked.
     */
    static String shortened(String title) {
        if (title.length() <= TITLE_IN_ADDRESS) {
            return title;
        }
        int cut = TITLE_IN_ADDRESS - 1;
        return title.substring(0, Character.isHighSurrogate(title.charAt(cut - 1)) ? cut - 1 : cut).stripTrailing() + "…";
    }

    /**
     * The sentence the import answered with, or null when the address holds no outcome or one no import gives (an
     * address edited by hand shows the page without a notice rather than a made-up one).
     */
    static String read(String imported, String passages, String replaced, List<String> shared, String sharedMore,
                       String leftOut, List<String> leftOutTitles) {
        Integer articles = count(imported);
        Integer passageCount = count(passages);
        Integer replacedCount = count(replaced);
        Integer more = sharedMore == null ? Integer.valueOf(0) : count(sharedMore);
        Integer leftOutCount = leftOut == null ? Integer.valueOf(0) : count(leftOut);
        List<String> named = titles(shared);
        List<String> namedLeftOut = titles(leftOutTitles);
        if (articles == null || passageCount == null || replacedCount == null || more == null || articles < 1
                || replacedCount > articles || named.size() > KnowledgeFileMessages.SHARED_TITLES_NAMED
                || named.size() + more > articles || (more > 0 && named.size() < KnowledgeFileMessages.SHARED_TITLES_NAMED)
                || leftOutCount == null || leftOutCount > articles
                || namedLeftOut.size() != Math.min(leftOutCount, KnowledgeMessages.LEFT_OUT_TITLES_NAMED)) {
            return null;
        }
        return KnowledgeImporter.Result.sentence(articles, passageCount, replacedCount, named, more, leftOutCount, namedLeftOut);
    }

    /** The values of {@code prefix}1, {@code prefix}2... up to {@code max}, as the address carries a list. */
    static List<String> numbered(UriInfo uri, String prefix, int max) {
        List<String> values = new ArrayList<>();
        for (int i = 1; uri != null && i <= max && uri.getQueryParameters().getFirst(prefix + i) != null; i++) {
            values.add(uri.getQueryParameters().getFirst(prefix + i));
        }
        return values;
    }

    private static List<String> titles(List<String> given) {
        return given == null ? List.of() : given.stream().filter(t -> t != null && !t.isBlank()).map(ImportNotice::shortened).toList();
    }

    private static Integer count(String value) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
