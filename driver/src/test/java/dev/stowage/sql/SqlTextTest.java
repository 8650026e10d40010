package dev.stowage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {
    @Test
    void findsLiteralsButNotIdentifiersOrComments() {
        assertThat(SqlText.literals("SELECT 'a''b', \"it's\" -- 'c'\n /* 'd' */ , 'e'")).containsExactly("a'b", "e");
    }

    @Test
    void removesOnlyATerminatingSemicolon() {
        assertThat(SqlText.withoutTrailingSemicolon("SHOW CONNECTIONS;")).isEqualTo("SHOW CONNECTIONS");
        assertThat(SqlText.withoutTrailingSemicolon("SELECT 1 ;  -- done\n")).isEqualTo("SELECT 1 ");
        assertThat(SqlText.withoutTrailingSemicolon("SELECT ';'")).isEqualTo("SELECT ';'");
        assertThat(SqlText.withoutTrailingSemicolon("SELECT 1 -- ;")).isEqualTo("SELECT 1 -- ;");
        assertThat(SqlText.withoutTrailingSemicolon("SELECT \"a;\"")).isEqualTo("SELECT \"a;\"");
        assertThat(SqlText.withoutTrailingSemicolon("SELECT 1")).isEqualTo("SELECT 1");
    }
}
