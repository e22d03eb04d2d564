package dev.loopwise.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.renderer.text.TextContentRenderer;

/** A Markdown pipe table (prices, delivery times) as an article's paragraphs: one a row. */
final class MarkdownTables {
    private MarkdownTables() {
    }

    /** A table row reads as one line, its cells apart, as an HTML table's row does. */
    static List<String> rows(TableBlock table, TextContentRenderer plain) {
        List<String> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visitChildren(Node parent) {
                if (!(parent instanceof TableRow)) {
                    super.visitChildren(parent);
                    return;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = parent.getFirstChild(); cell != null; cell = cell.getNext()) {
                    StringBuilder words = new StringBuilder(); // a cell's inline text, which the core renderer knows
                    for (Node inline = cell.getFirstChild(); inline != null; inline = inline.getNext()) {
                        words.append(plain.render(inline));
                    }
                    cells.add(ArticleText.clean(words.toString()));
                }
                cells.removeIf(String::isEmpty);
                if (!cells.isEmpty()) {
                    rows.add(String.join(" | ", cells));
                }
            }
        });
        return rows;
    }
}
