package org.babillard.announcements.control;

import jakarta.enterprise.context.Dependent;

import java.util.List;

/**
 * Writes CSV rows (RFC 4180) that a spreadsheet opens as text: a cell that starts with = + - @ (or a tab or a
 * carriage return) gets a leading apostrophe, so that a name such as "=HYPERLINK(...)" is never run as a formula.
 */
@Dependent
public class CsvCells {

    public String row(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    public String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || safe.contains("'")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
