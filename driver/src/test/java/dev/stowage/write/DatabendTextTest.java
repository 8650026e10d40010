package dev.stowage.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabendTextTest {
    @ParameterizedTest
    @CsvSource({
        "1, 1.0", "-2.5, -2.5", "123.456, 123.456", "0.1, 0.1", "0.30000000000000004, 0.30000000000000004",
        "1e9, 1000000000.0", "1234567890.5, 1234567890.5", "12345678901.5, 1.23456789015e10", "1e10, 1.0e10", "0.00001, 0.00001",
        "0.000012, 0.000012", "0.000001, 1.0e-6", "1.5e-7, 1.5e-7", "1.0E23, 1.0e23",
        "2.82879384806159E17, 2.82879384806159e17", "8.41E21, 8.41e21", "1.7976931348623157E308, 1.7976931348623157e308",
        "4.9E-324, 5.0e-324", "-0.0, -0.0", "0, 0.0"})
    void doublesAreTheirShortestDigitsInDatabendsLayout(double value, String text) {
        assertThat(DatabendText.floating(value, false)).isEqualTo(text);
        assertThat(Double.parseDouble(text)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "0.33333334, 0.33333334", "3.4028235E38, 3.4028235e38", "16777216, 16777216.0",
        "1.0E-5, 0.00001", "1.4E-45, 1.0e-45"})
    void realsAreTheirOwnShortestDigits(float value, String text) {
        assertThat(DatabendText.floating(value, true)).isEqualTo(text);
        assertThat(Float.parseFloat(text)).isEqualTo(value);
    }

    @Test
    void datesTimesAndTimestampsHaveFixedWidths() {
        assertThat(DatabendText.date(0)).isEqualTo("1970-01-01");
        assertThat(DatabendText.date(-719_162)).isEqualTo("0001-01-01");
        assertThat(DatabendText.time(0)).isEqualTo("00:00:00.000000");
        assertThat(DatabendText.time(86_399_999)).isEqualTo("23:59:59.999000");
        assertThat(DatabendText.timestamp(-1)).isEqualTo("1969-12-31 23:59:59.999000");
        assertThat(DatabendText.timestamp(253_402_300_799_000L)).isEqualTo("9999-12-31 23:59:59.000000");
    }

    @Test
    void decimalsArePlainAndBinaryIsUpperCaseHexOrBase64() {
        assertThat(DatabendText.decimal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(DatabendText.decimal(new BigDecimal("-0.000000010"))).isEqualTo("-0.000000010");
        assertThat(DatabendText.hex(new byte[] {0, (byte) 0xAB, 0x7F})).isEqualTo("00AB7F");
        assertThat(DatabendText.base64(new byte[] {(byte) 0xFB, (byte) 0xFF})).isEqualTo("+/8=");
    }
}
