package dev.loopwise.knowledge;

import dev.loopwise.common.FileMessages;
import dev.loopwise.common.KnowledgeMessages;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import sent from the page did, carried in the address the page redirects to: the answer to the upload is a
 * redirect, so refreshing the page afterwards shows the outcome again instead of importing the file a second time.
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

    private ImportNotice() {
    }

    static URI address(KnowledgeImporter.Result result) {
        StringBuilder address = new StringBuilder("/admin/knowledge?" + IMPORTED + "=" + result.articles() + "&" + PASSAGES + "="
                + result.passages() + "&" + REPLACED + "=" + result.replaced());
        List<String> shared = result.sharedTitles();
        for (int i = 0; i < Math.min(shared.size(), FileMessages.SHARED_TITLES_NAMED); i++) {
            address.append('&').append(SHARED).append(i + 1).append('=').append(encode(shortened(shared.get(i))));
        }
        if (shared.size() > FileMessages.SHARED_TITLES_NAMED) {
            address.append('&').append(SHARED_MORE).append('=').append(shared.size() - FileMessages.SHARED_TITLES_NAMED);
        }
        List<String> leftOut = result.addressesLeftOut();
        if (!leftOut.isEmpty()) {
            address.append('&').append(LEFT_OUT).append('=').append(leftOut.size());
            for (int i = 0; i < Math.min(leftOut.size(), KnowledgeMessages.LEFT_OUT_TITLES_NAMED); i++) {
                address.append('&').append(LEFT_OUT).append(i + 1).append('=').append(encode(shortened(leftOut.get(i))));
            }
        }
        return URI.create(address.append("#knowledge-result").toString());
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
                || replacedCount > articles || named.size() > FileMessages.SHARED_TITLES_NAMED
                || named.size() + more > articles || (more > 0 && named.size() < FileMessages.SHARED_TITLES_NAMED)
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
