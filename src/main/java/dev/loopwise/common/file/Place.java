package dev.loopwise.common.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a row of an uploaded file is, as its messages name it: "line N" in CSV and JSON lines, where each row is a line,
 * and "row N" (counted from 1) in a JSON array, whose rows are often spread over several lines each, so that a line
 * number would point into the middle of some row. A file of named parts (CLINC150's {"train": [...], "test": [...]})
 * names the part too, "row N of 'train'", since the same row number is in each part.
 */
public record Place(boolean inArray, int number, String part) {
    private static final Pattern AT = Pattern.compile("(?s)^(line|row) (\\d+): (.*)$");

    public Place(boolean inArray, int number) {
        this(inArray, number, null);
    }

    public static Place line(int number) {
        return new Place(false, number);
    }

    public static Place row(int number) {
        return new Place(true, number);
    }

    /** Row {@code number} (from 1) of the part named {@code part} of the file. */
    public static Place rowOf(String part, int number) {
        return new Place(true, number, part);
    }

    /** "lines" or "rows", for several places of one file ("lines 3, 4 and 9: ..."). */
    public String plural() {
        return inArray ? "rows" : "lines";
    }

    @Override
    public String toString() {
        return (inArray ? "row " : "line ") + number + (part == null ? "" : " of '" + part + "'");
    }

    /**
     * A file's problems in file order, the same problem at several places said once ("lines 8, 28, 31 and 51 more: …"),
     * so that one wrong value repeated through a file reads as one thing to fix; problems of no one place come first.
     */
    public static List<String> grouped(List<String> problems) {
        Map<String, List<Place>> placesByProblem = new LinkedHashMap<>();
        List<String> grouped = new ArrayList<>();
        problems.stream().sorted(Comparator.comparingInt(Place::numberIn)).forEach(problem -> {
            Matcher at = AT.matcher(problem);
            if (at.matches()) {
                placesByProblem.computeIfAbsent(at.group(3), k -> new ArrayList<>())
                        .add(new Place(at.group(1).equals("row"), Integer.parseInt(at.group(2))));
            } else {
                grouped.add(problem);
            }
        });
        placesByProblem.forEach((problem, places) -> grouped.add((places.size() == 1 ? places.get(0).toString()
                : places.get(0).plural() + " " + places.subList(0, Math.min(5, places.size())).stream()
                .map(p -> String.valueOf(p.number())).collect(Collectors.joining(", "))
                + (places.size() > 5 ? " and " + (places.size() - 5) + " more" : "")) + ": " + problem));
        return grouped;
    }

    private static int numberIn(String problem) {
        Matcher at = AT.matcher(problem);
        return at.matches() ? Integer.parseInt(at.group(2)) : 0;
    }
}
