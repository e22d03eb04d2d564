package dev.loopwise.security.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.security.Caller;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Users page named the service role "service: API keys, no sign-in" where an account is added and "service: helpdesk
 * API keys" where one is changed, so a lead could take them for two roles. Every role list on the page now names it alike.
 */
@QuarkusTest
class ServiceRoleWordsTest {
    private static final Pattern SERVICE_OPTION = Pattern.compile("<option value=\"service\"[^>]*>([^<]*)</option>");

    @Test
    void theServiceRoleReadsTheSameWhereAnAccountIsAddedAndWhereOneIsChanged() {
        String page = Caller.session("admin").request().accept("text/html").get("/admin/users").then().statusCode(200)
                .extract().asString();
        List<String> names = new ArrayList<>();
        Matcher option = SERVICE_OPTION.matcher(page);
        while (option.find()) {
            names.add(option.group(1));
        }
        // The demo's accounts each have a Change form, and the page one Add form: at least two lists.
        assertTrue(names.size() >= 2, names.toString());
        assertEquals(List.of("service: API keys, no sign-in"), names.stream().distinct().toList(), names.toString());
    }
}
