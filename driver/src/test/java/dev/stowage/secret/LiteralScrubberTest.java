package dev.stowage.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiteralScrubberTest {
    @Test
    void scrubsPlainQuotedAndEscapedForms() {
        LiteralScrubber scrubber = LiteralScrubber.of("CREATE CONNECTION c STORAGE_TYPE = 's3' K = 'top-secret-42'");
        assertThat(scrubber.scrub("Encountered \"\\'top-secret-42\\'\" at line 1")).isEqualTo("Encountered \"'***'\" at line 1");
        assertThat(scrubber.scrub("value 'top-secret-42' and top-secret-42")).isEqualTo("value '***' and ***");
        assertThat(scrubber.scrub("protocol 's3' and s3")).isEqualTo("protocol '***' and s3");
    }

    @Test
    void nullStatementScrubsNothing() {
        assertThat(LiteralScrubber.of(null).scrub("text 'x'")).isEqualTo("text 'x'");
    }
}
