package org.alidav.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix's outcome: one cell per (row, column) counting the cases that passed, the failures
 * with their reasons; rendered as a Markdown table for the test output and {@code target/fault-matrix.md}.
 */
final class MatrixReport {
    /** One case: which cell, which step or variant, and what was wrong (empty = passed). */
    record Outcome(String row, String column, String detail, List<String> violations) {
        boolean passed() {
            return violations.isEmpty();
        }
    }

    private final List<String> rows = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();

    /**
     * Rows and columns in these orders first (the parts of the matrix record side by side, so arrival
     * order varies); any other row or column in the order its first case arrives.
     */
    MatrixReport(List<String> rows, List<String> columns) {
        this.rows.addAll(rows);
        this.columns.addAll(columns);
    }

    synchronized void add(Outcome o) {
        if (!rows.contains(o.row())) rows.add(o.row());
        if (!columns.contains(o.column())) columns.add(o.column());
        outcomes.add(o);
    }

    synchronized String markdown() {
        StringBuilder sb = new StringBuilder("| write path |");
        columns.forEach(c -> sb.append(' ').append(c).append(" |"));
        sb.append(" total |\n|---|");
        columns.forEach(c -> sb.append("---|"));
        sb.append("---|\n");
        for (String row : rows) {
            sb.append("| ").append(row).append(" |");
            for (String column : columns) sb.append(' ').append(cell(count(row, column))).append(" |");
            sb.append(' ').append(cell(count(row, null))).append(" |\n");
        }
        sb.append("| **total** |");
        for (String column : columns) sb.append(' ').append(cell(countColumn(column))).append(" |");
        sb.append(' ').append(cell(countColumn(null))).append(" |\n\n");
        sb.append("Cells: passed/cases (✗ = at least one case failed; — = not run).\n");
        List<Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        if (!failed.isEmpty()) {
            sb.append("\nFailed cases:\n\n");
            for (Outcome o : failed) {
                sb.append("- ").append(o.row()).append(" × ").append(o.column()).append(" [").append(o.detail())
                        .append("]: ").append(String.join("; ", o.violations())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Prints the table and writes it to {@code file}. */
    void publish(Path file) {
        String md = markdown();
        System.out.println("\nFault matrix\n\n" + md);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Fault matrix\n\n" + md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int[] count(String row, String column) {
        int[] c = new int[2];
        for (Outcome o : outcomes) {
            if (o.row().equals(row) && (column == null || o.column().equals(column))) {
                c[1]++;
                if (o.passed()) c[0]++;
            }
        }
        return c;
    }

    private int[] countColumn(String column) {
        int[] c = new int[2];
        for (String row : rows) {
            int[] r = count(row, column);
            c[0] += r[0];
            c[1] += r[1];
        }
        return c;
    }

    private static String cell(int[] passedOfTotal) {
        if (passedOfTotal[1] == 0) return "—";
        String mark = passedOfTotal[0] == passedOfTotal[1] ? "✓ " : "✗ ";
        return mark + passedOfTotal[0] + "/" + passedOfTotal[1];
    }
}
