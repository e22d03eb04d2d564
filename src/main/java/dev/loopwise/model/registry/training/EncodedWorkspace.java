package dev.loopwise.model.registry.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every text a training reads, encoded in one call: tickets, agents' replies, intent descriptions and library replies,
 * each kind's rows in {@link #vectors()} ({@code responseRows[i]} is -1 where training ticket i has no agent reply).
 */
record EncodedWorkspace(TextTable texts, float[][] vectors, int[] trainRows, int[] testRows, int[] responseRows, int[] descriptionRows,
                        int[] replyRows) {
    static EncodedWorkspace of(WorkspaceSnapshot workspace, List<WorkspaceSnapshot.TicketInfo> train,
                               List<WorkspaceSnapshot.TicketInfo> test, List<String> labels, Function<List<String>, float[][]> embed) {
        TextTable texts = new TextTable();
        int[] trainRows = train.stream().mapToInt(t -> texts.add(t.text())).toArray();
        int[] testRows = test.stream().mapToInt(t -> texts.add(t.text())).toArray();
        int[] responseRows = train.stream().mapToInt(t -> t.response() == null ? -1 : texts.add(t.response())).toArray();
        test.stream().filter(t -> t.response() != null).forEach(t -> texts.add(t.response()));
        Map<String, String> descriptionByName = new LinkedHashMap<>();
        workspace.intents().forEach(i -> descriptionByName.put(i.name(), i.asText()));
        int[] descriptionRows = labels.stream().mapToInt(l -> texts.add(descriptionByName.get(l))).toArray();
        int[] replyRows = workspace.replies().stream().mapToInt(r -> texts.add(r.text())).toArray();
        float[][] vectors = embed.apply(texts.list);
        return new EncodedWorkspace(texts, vectors, trainRows, testRows, responseRows, descriptionRows, replyRows);
    }
}
