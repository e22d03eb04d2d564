package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopwise.demo.DemoWorkspace;
import dev.loopwise.model.ActiveModel;
import dev.loopwise.review.Browser;
import dev.loopwise.review.BrowserTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * A version's six figure tiles make full rows at the widths leads use (at 1440 px they used to wrap five and a lone one):
 * every row holds as many tiles as the first, and never one alone.
 */
@QuarkusTest
class VersionFiguresBrowserTest extends BrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    @Test
    void theSixFiguresMakeFullRows() throws Exception {
        ActiveModel.await();
        // A round's version has no figures of its own (they are on its round's page): the newest trained one has.
        Number version = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select max(version) from model_versions where lineage->'alignmentRound' is null").getSingleResult());
        driver = Browser.start();
        Browser.run(driver, "version-figures-failure", () -> {
            signIn(base, "admin", DemoWorkspace.ADMIN_PASSWORD);
            for (Dimension window : List.of(new Dimension(1440, 900), new Dimension(1920, 1080), new Dimension(1280, 800),
                    new Dimension(1024, 768), new Dimension(768, 1024), new Dimension(390, 844))) {
                driver.manage().window().setSize(window);
                driver.get(base + "admin/models/" + version.intValue());
                List<Integer> rows = rows(driver.findElements(By.cssSelector("#version-figures .stat")));
                assertEquals(6, rows.stream().mapToInt(Integer::intValue).sum(), window + ": the six figures");
                assertTrue(rows.stream().allMatch(row -> row.equals(rows.get(0))) && (rows.size() == 1 || rows.get(0) > 1),
                        window + ": tiles per row, top to bottom: " + rows);
            }
        });
    }

    /** How many tiles share each top, top to bottom. */
    private static List<Integer> rows(List<WebElement> tiles) {
        Map<Integer, Integer> byTop = new TreeMap<>();
        tiles.forEach(tile -> byTop.merge(tile.getRect().getY(), 1, Integer::sum));
        return new ArrayList<>(byTop.values());
    }
}
