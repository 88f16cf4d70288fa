package dev.actors.sample.imports;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.actors.sample.imports.SkuQuantityCsv.InvalidCsvException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The CSV check: bounded lines, and errors that name the line but never repeat it.
 */
class SkuQuantityCsvTests {

    private final SkuQuantityCsv csv = new SkuQuantityCsv(20);

    @Test
    void countsRowsSkippingBlankLinesWithEitherLineBreak() throws Exception {
        List<Long> progress = new ArrayList<>();
        long rows = this.csv.read(new StringReader("SKU,Quantity\r\napple,3\n\npear, 0\r\nfig,-1"), progress::add);
        assertThat(rows).isEqualTo(3);
        assertThat(progress).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anEndlessLineFailsAtTheLimitWithoutReadingOn() {
        // /dev/zero: a line that never ends. Reading stops one character past the limit.
        int[] read = { 0 };
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                read[0]++;
                buffer[offset] = '0';
                return 1;
            }

            @Override
            public void close() {
            }
        };
        assertThatExceptionOfType(InvalidCsvException.class).isThrownBy(() -> this.csv.read(endless, (rows) -> { }))
            .withMessage("line 1: longer than 20 characters (sample.imports.max-line-length)");
        assertThat(read[0]).isEqualTo(21);
    }

    @Test
    void errorsNameTheLineAndNeverItsContent() {
        assertFails("root:x:0:0:hidden", "line 1: expected the header sku,quantity");
        assertFails("", "line 1: expected the header sku,quantity");
        assertFails("sku,quantity\nhidden", "line 2: expected two fields, sku,quantity");
        assertFails("sku,quantity\n,3", "line 2: expected two fields, sku,quantity");
        assertFails("sku,quantity\na,1\nhidden,1,2", "line 3: expected two fields, sku,quantity");
        assertFails("sku,quantity\na,hidden", "line 2: the quantity is not a whole number");
        assertFails("sku,quantity\n" + "a".repeat(21), "line 2: longer than 20 characters "
                + "(sample.imports.max-line-length)");
    }

    private void assertFails(String content, String message) {
        assertThatExceptionOfType(InvalidCsvException.class)
            .isThrownBy(() -> this.csv.read(new StringReader(content), (rows) -> { }))
            .withMessage(message)
            .satisfies((ex) -> assertThat(ex.getStackTrace()).isEmpty());
    }
}
