package dev.stowage.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void longValuesKeepTwoCharactersAtEachEnd() {
        assertThat(Masking.mask("http://s3.amazonaws.com")).isEqualTo("ht***om");
        assertThat(Masking.mask("minioadmin")).isEqualTo("mi***in");
        assertThat(Masking.mask("http://127.0.0.1:9900/")).isEqualTo("ht***0/");
        assertThat(Masking.mask("abcde")).isEqualTo("ab***de");
    }

    @Test
    void valuesOfFourCharactersOrFewerAreHiddenEntirely() {
        assertThat(Masking.mask("auto")).isEqualTo("***");
        assertThat(Masking.mask("c3")).isEqualTo("***");
        assertThat(Masking.mask("")).isEqualTo("***");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(Masking.mask("ééééé")).isEqualTo("éé***éé");
        assertThat(Masking.mask("😀😀😀😀")).isEqualTo("***");
    }
}
