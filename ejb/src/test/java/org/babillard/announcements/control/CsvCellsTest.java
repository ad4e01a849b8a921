package org.babillard.announcements.control;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    private final CsvCells csv = new CsvCells();

    @Test
    void formulasAreNeutralisedWithAnApostrophe() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv.cell("=HYPERLINK(\"http://evil\")"));
        assertEquals("\"'+33 1 70\"", csv.cell("+33 1 70"));
        assertEquals("\"'-2\"", csv.cell("-2"));
        assertEquals("\"'@SUM(A1)\"", csv.cell("@SUM(A1)"));
        assertEquals("Camille Durand", csv.cell("Camille Durand"));
        assertEquals("a-b", csv.cell("a-b"), "only a leading sign matters");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertEquals("\"Durand, Camille\"", csv.cell("Durand, Camille"));
        assertEquals("\"say \"\"hi\"\"\"", csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", csv.cell("two\nlines"));
        assertEquals("a,,c\r\n", csv.row(Arrays.asList("a", null, "c")));
        assertEquals("Ingénierie,Paris\r\n", csv.row(List.of("Ingénierie", "Paris")));
    }
}
