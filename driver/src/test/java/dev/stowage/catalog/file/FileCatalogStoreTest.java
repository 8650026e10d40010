package dev.stowage.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CatalogStore;
import dev.stowage.catalog.CatalogStoreContractTest;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.catalog.CreateMode;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileCatalogStoreTest extends CatalogStoreContractTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path temp;

    private Path home;

    @Override
    protected CatalogStore newStore() {
        home = temp.resolve("home");
        return FileCatalogStore.openUnshared(home, null);
    }

    /** A fresh store on the same files: what the next process, or this one after a restart, sees. */
    private Catalog reopen() {
        return new Catalog(FileCatalogStore.openUnshared(home, null));
    }

    @Test
    void stateSurvivesARestart() {
        catalog.createConnection(s3("toronto", SECRET), CreateMode.FAIL_IF_EXISTS);
        catalog.createConnection(s3("paris", "other-secret"), CreateMode.FAIL_IF_EXISTS);
        catalog.dropConnection("paris");
        catalog.createFileFormat("pipes", csv("|"), CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("tabs", csv("\t"), CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("gone", csv(";"), CreateMode.FAIL_IF_EXISTS);
        catalog.dropFileFormat("gone");
        Catalog restarted = reopen();
        assertThat(restarted.connections()).containsExactly(s3("toronto", SECRET));
        assertThat(restarted.fileFormats()).containsExactly(Map.entry("pipes", csv("|")), Map.entry("tabs", csv("\t")));
    }

    @Test
    void tablesSurviveARestartWithTheirSecretsEncrypted() throws Exception {
        TableDefinition table = new TableDefinition("Sales", "id-1",
                List.of(new Column("id", ColumnType.INTEGER, false), new Column("amount", ColumnType.decimal(10, 2), true)),
                "s3://bucket/sales/", new TreeMap<>(Map.of("access_key_id", "AKIA1", "secret_access_key", SECRET)),
                FileFormat.DEFAULT, "alice", Instant.parse("2026-11-24T10:00:00Z"));
        catalog.createTable(table, CreateMode.FAIL_IF_EXISTS);
        assertThat(Files.readString(home.resolve(FileCatalogStore.CATALOG_FILE))).doesNotContain(SECRET);
        Catalog restarted = reopen();
        assertThat(restarted.tables()).containsExactly(table);
        assertThat(restarted.table("sales")).contains(table);
    }

    @Test
    void olderFormatVersionsStillLoadAndAreUpgradedOnWrite() throws Exception {
        Path file = home.resolve(FileCatalogStore.CATALOG_FILE);
        Files.createDirectories(home);
        Files.writeString(file, "{\"format_version\": 2,"
                + " \"connections\": [{\"name\": \"c\", \"storage_type\": \"s3\","
                + " \"storage_params\": {\"region\": \"r\"}}],"
                + " \"stages\": [{\"name\": \"s\", \"storage_params\": {}, \"file_format\": \"CSV\","
                + " \"file_format_options\": {\"field_delimiter\": \"|\"}, \"comment\": \"\", \"creator\": \"root\","
                + " \"created_on\": \"2025-11-06T00:00:00Z\"}]}");
        Catalog old = reopen();
        assertThat(old.connection("c")).isPresent();
        assertThat(old.stage("s")).isPresent();
        assertThat(old.fileFormats()).isEmpty();
        old.createFileFormat("f", csv("|"), CreateMode.FAIL_IF_EXISTS);
        assertThat(Files.readString(file)).contains("\"format_version\" : 4").contains("\"file_formats\"");
        Catalog upgraded = reopen();
        assertThat(upgraded.connection("c")).isPresent();
        assertThat(upgraded.stage("s").orElseThrow().fileFormat().option("field_delimiter")).isEqualTo("|");
        assertThat(upgraded.fileFormats()).containsExactly(Map.entry("f", csv("|")));
    }

    @Test
    void anotherStoreSeesChangesWithoutRestart() {
        Catalog other = reopen();
        assertThat(other.connections()).isEmpty();
        catalog.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        assertThat(other.connection("c")).isPresent();
        other.dropConnection("c");
        assertThat(catalog.connections()).isEmpty();
    }

    @Test
    void secretsAreNotInTheCatalogFileOrAnyOtherFile() throws Exception {
        catalog.createConnection(ConnectionDefinition.of("all", "s3", Map.of(
                "secret_access_key", SECRET, "session_token", "SESSIONTOKEN-1234567", "master_key", "MASTERKEY-7654321",
                "external_id", "EXTERNALID-99887766", "access_key_id", "AKIAPLAINVISIBLE")), CreateMode.FAIL_IF_EXISTS);
        catalog.createConnection(ConnectionDefinition.of("gcs", "gcs", Map.of("credential", "GCSCREDENTIAL-base64")),
                CreateMode.FAIL_IF_EXISTS);
        try (var files = Files.list(home)) {
            for (Path file : files.toList()) {
                String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(raw).as(file.toString()).doesNotContain(SECRET, "SESSIONTOKEN-1234567", "MASTERKEY-7654321",
                        "EXTERNALID-99887766", "GCSCREDENTIAL-base64");
            }
        }
        String catalogJson = Files.readString(home.resolve(FileCatalogStore.CATALOG_FILE));
        assertThat(catalogJson).contains("AKIAPLAINVISIBLE").contains(SecretCipher.PREFIX);
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        catalog.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        for (String name : List.of(FileCatalogStore.CATALOG_FILE, FileCatalogStore.LOCK_FILE, MasterKey.FILE_NAME)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void masterKeyFromTheEnvironmentIsUsedAndNoKeyFileWritten() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encoded = Base64.getEncoder().encodeToString(key);
        Path envHome = temp.resolve("env-home");
        Catalog withEnvKey = new Catalog(FileCatalogStore.openUnshared(envHome, encoded));
        withEnvKey.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        assertThat(envHome.resolve(MasterKey.FILE_NAME)).doesNotExist();
        assertThat(new Catalog(FileCatalogStore.openUnshared(envHome, encoded)).requireConnection("c").parameters())
                .containsEntry("secret_access_key", SECRET);

        // without the key, the file store generates its own, which cannot decrypt the existing secret
        Catalog wrongKey = new Catalog(FileCatalogStore.openUnshared(envHome, null));
        assertThatThrownBy(wrongKey::connections)
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CATALOG_UNREADABLE))
                .hasMessageContaining("Cannot decrypt parameter secret_access_key of connection 'c'")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void malformedMasterKeyIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> FileCatalogStore.openUnshared(temp.resolve("bad"), "not-a-key-but-maybe-secret"))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CATALOG_UNREADABLE))
                .hasMessageContaining("STOWAGE_MASTER_KEY")
                .hasMessageNotContaining("not-a-key-but-maybe-secret");
    }

    @Test
    void corruptFileIsReportedAndNeverOverwritten() throws Exception {
        catalog.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        Path file = home.resolve(FileCatalogStore.CATALOG_FILE);
        Files.writeString(file, "{\"format_version\": 1, \"connections\": [ {\"name\": ");
        Catalog damaged = reopen();
        assertThatThrownBy(damaged::connections)
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CATALOG_UNREADABLE))
                .hasMessageContaining("is not valid");
        assertThatThrownBy(() -> damaged.createConnection(s3("d", "x"), CreateMode.FAIL_IF_EXISTS))
                .isInstanceOf(StowageException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"format_version\": 1, \"connections\": [ {\"name\": ");
    }

    @Test
    void newerFormatVersionIsRefused() throws Exception {
        catalog.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        Path file = home.resolve(FileCatalogStore.CATALOG_FILE);
        Files.writeString(file, "{\"format_version\": 99, \"connections\": []}");
        assertThatThrownBy(() -> reopen().connections())
                .hasMessageContaining("format version 99")
                .hasMessageContaining("Upgrade Stowage");
    }

    @Test
    void abandonedTempFilesAreIgnoredAndRemoved() throws Exception {
        catalog.createConnection(s3("c", SECRET), CreateMode.FAIL_IF_EXISTS);
        Path abandoned = home.resolve(FileCatalogStore.CATALOG_FILE + ".dead-writer.tmp");
        Files.writeString(abandoned, "{\"format_vers");
        Catalog restarted = reopen();
        assertThat(restarted.connections()).hasSize(1);
        restarted.createConnection(s3("d", SECRET), CreateMode.FAIL_IF_EXISTS);
        assertThat(abandoned).doesNotExist();
        assertThat(reopen().connections()).hasSize(2);
    }

    @Test
    void twoProcessesAndThisOneWritingAtOnceLoseNoUpdate() throws Exception {
        int perWriter = 40;
        catalog.createConnection(s3("seed", SECRET), CreateMode.FAIL_IF_EXISTS);
        List<Process> children = new ArrayList<>();
        for (String prefix : List.of("first_", "second_")) {
            children.add(ChildJvm.start(CatalogWriterMain.class, Map.of(), home.toString(), prefix, String.valueOf(perWriter)));
        }
        for (int i = 0; i < perWriter; i++) {
            catalog.createConnection(s3("parent_" + i, SECRET), CreateMode.FAIL_IF_EXISTS);
        }
        for (Process child : children) {
            ChildJvm.awaitSuccess(child, 120);
        }
        List<ConnectionDefinition> all = reopen().connections();
        assertThat(all).hasSize(1 + 3 * perWriter);
        assertThat(all).filteredOn(c -> c.name().startsWith("second_"))
                .allSatisfy(c -> assertThat(c.parameters().get("secret_access_key")).startsWith("child-secret-"));
    }

    @Test
    void killingAWriterMidWriteNeverCorruptsTheCatalog() throws Exception {
        catalog.createConnection(s3("seed", SECRET), CreateMode.FAIL_IF_EXISTS);
        Process writer = ChildJvm.start(CatalogWriterMain.class, Map.of(), home.toString(), "w_", "-1");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reopen().connections().size() < 30 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        Catalog afterCrash = reopen();
        int survivors = afterCrash.connections().size();
        assertThat(survivors).isGreaterThanOrEqualTo(30);
        assertThat(afterCrash.requireConnection("seed").parameters()).containsEntry("secret_access_key", SECRET);
        afterCrash.createConnection(s3("after", SECRET), CreateMode.FAIL_IF_EXISTS);
        assertThat(reopen().connections()).hasSize(survivors + 1);
    }
}
