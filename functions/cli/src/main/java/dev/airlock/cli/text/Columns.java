package dev.airlock.cli.text;

import java.util.ArrayList;
import java.util.List;

/** Lines up table rows whose cells are already escaped, two spaces apart; widths in code points. */
final class Columns {

    private Columns() {
    }

    /** One line per row; the last column is not padded. */
    static List<String> lines(List<List<String>> rows) {
        int columns = rows.isEmpty() ? 0 : rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], length(row.get(i)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - length(row.get(i))));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
