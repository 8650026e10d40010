package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileEntryTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    @Test
    void anEtagIdentifiesTheContentWhateverTheTime() {
        assertThat(new FileEntry("a", 1, NOW, "\"e\"").identifiesContent(NOW)).isTrue();
        assertThat(new FileEntry("a", 1, null, "\"e\"").identifiesContent(NOW)).isTrue();
    }

    @Test
    void aTimeIdentifiesTheContentOnceOlderThanTheCoarsestGranularity() {
        assertThat(new FileEntry("a", 1, NOW.minus(Duration.ofSeconds(2)), null).identifiesContent(NOW)).isTrue();
        assertThat(new FileEntry("a", 1, NOW.minus(Duration.ofMillis(1999)), null).identifiesContent(NOW)).isFalse();
        assertThat(new FileEntry("a", 1, NOW.plus(Duration.ofHours(1)), null).identifiesContent(NOW)).isFalse();
    }

    @Test
    void withNeitherNothingIsIdentified() {
        assertThat(new FileEntry("a", 1, null, null).identifiesContent(NOW)).isFalse();
    }
}
