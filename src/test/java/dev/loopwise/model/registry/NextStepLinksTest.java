package dev.loopwise.model.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Page names after "on" become links; the same words anywhere else, and the text around them, stay as written. */
class NextStepLinksTest {

    @Test
    void eachPageNamedAfterOnLinksToThatPage() {
        List<NextStepLinks.Part> parts = NextStepLinks.pageLinks("Import labelled tickets on Import first, accept them on Review"
                + " quality, have reviewers judge replies on Review, then run a round on Rounds.");
        String links = parts.stream().filter(p -> p.href() != null).map(p -> p.text() + "=" + p.href())
                .collect(Collectors.joining(" "));
        assertEquals("Import=/admin/import Review quality=/admin/review Review=/review Rounds=/admin/rounds", links);
        assertEquals("Import labelled tickets on Import first, accept them on Review quality, have reviewers judge replies on"
                + " Review, then run a round on Rounds.", parts.stream().map(NextStepLinks.Part::text).collect(Collectors.joining()));
    }

    @Test
    void aTextNamingNoPageIsOnePlainPart() {
        assertEquals(List.of(new NextStepLinks.Part("Reviewers judge; Rounds improve. Train on Monday.", null)),
                NextStepLinks.pageLinks("Reviewers judge; Rounds improve. Train on Monday."));
    }

    @Test
    void theAddressGivenIsALinkWhereverItIsNamedAndNoOtherAddressIs() {
        String address = "https://loopwise.example/review";
        List<NextStepLinks.Part> parts = NextStepLinks.pageLinks("Ask them to open " + address + " (not http://other.example/review)"
                + " and follow them on Review quality; " + address + ".", address);
        assertEquals(address + "=" + address + " Review quality=/admin/review " + address + "=" + address, parts.stream()
                .filter(p -> p.href() != null).map(p -> p.text() + "=" + p.href()).collect(Collectors.joining(" ")));
        assertEquals("Ask them to open " + address + " (not http://other.example/review) and follow them on Review quality; " + address
                + ".", parts.stream().map(NextStepLinks.Part::text).collect(Collectors.joining()));
        assertEquals(NextStepLinks.pageLinks("on Rounds"), NextStepLinks.pageLinks("on Rounds", null));
    }
}
