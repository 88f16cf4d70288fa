package dev.actors.sample.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.function.LongConsumer;

/**
 * Reads and checks a CSV of {@code sku,quantity} rows, one character at a time into a bounded line: a file without
 * line breaks (or {@code /dev/zero}) fails at the first over-long line instead of filling the heap.
 * <p>
 * Its errors say what is wrong and where ("line 7: the quantity is not a whole number"), never what the line holds:
 * the file is the client's, and an error is shown to clients and written to the log.
 */
final class SkuQuantityCsv {

    static final String HEADER = "sku,quantity";

    private final int maxLineLength;

    SkuQuantityCsv(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    /** A CSV that cannot be imported; the message is safe to show. */
    static final class InvalidCsvException extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidCsvException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads every row.
     *
     * @param in the CSV, header first
     * @param everyRow told the number of rows read so far, after each row
     * @return the number of rows
     * @throws InvalidCsvException when a line is too long or not a {@code sku,quantity} row
     * @throws IOException when the CSV cannot be read
     */
    long read(Reader in, LongConsumer everyRow) throws InvalidCsvException, IOException {
        StringBuilder line = new StringBuilder();
        long lineNumber = 1;
        if (!nextLine(in, line, lineNumber) || !line.toString().trim().equalsIgnoreCase(HEADER)) {
            throw new InvalidCsvException("line 1: expected the header " + HEADER);
        }
        long rows = 0;
        while (nextLine(in, line, ++lineNumber)) {
            if (line.toString().isBlank()) {
                continue;
            }
            check(line, lineNumber);
            everyRow.accept(++rows);
        }
        return rows;
    }

    /** Reads one line into {@code line}, without its line break; {@code false} at the end of the input. */
    private boolean nextLine(Reader in, StringBuilder line, long lineNumber) throws InvalidCsvException, IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.length() == this.maxLineLength) {
                throw new InvalidCsvException("line " + lineNumber + ": longer than " + this.maxLineLength
                        + " characters (sample.imports.max-line-length)");
            }
            line.append((char) c);
        }
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return c != -1 || !line.isEmpty();
    }

    private static void check(CharSequence line, long lineNumber) throws InvalidCsvException {
        String row = line.toString();
        int comma = row.indexOf(',');
        if (comma <= 0 || row.substring(0, comma).isBlank() || row.indexOf(',', comma + 1) >= 0) {
            throw new InvalidCsvException("line " + lineNumber + ": expected two fields, sku,quantity");
        }
        try {
            Integer.parseInt(row.substring(comma + 1).trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidCsvException("line " + lineNumber + ": the quantity is not a whole number");
        }
    }
}
