package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.connection.StorageType;
import org.junit.jupiter.api.Test;

class LocationTest {
    @Test
    void parsesEveryScheme() {
        assertThat(Location.parse("s3://bucket/path/to")).isEqualTo(new Location(StorageType.S3, "bucket", "/path/to/"));
        assertThat(Location.parse("s3://databend-toronto")).isEqualTo(new Location(StorageType.S3, "databend-toronto", "/"));
        assertThat(Location.parse("azblob://container/p/")).isEqualTo(new Location(StorageType.AZBLOB, "container", "/p/"));
        assertThat(Location.parse("gcs://b/")).isEqualTo(new Location(StorageType.GCS, "b", "/"));
        assertThat(Location.parse("oss://b/x/")).isEqualTo(new Location(StorageType.OSS, "b", "/x/"));
        assertThat(Location.parse("cos://b-125/x/")).isEqualTo(new Location(StorageType.COS, "b-125", "/x/"));
        assertThat(Location.parse("hf://opendal/huggingface-testdata/data/"))
                .isEqualTo(new Location(StorageType.HUGGINGFACE, "opendal/huggingface-testdata", "/data/"));
        assertThat(Location.parse("fs:///tmp/data/")).isEqualTo(new Location(StorageType.FS, "", "/tmp/data/"));
        assertThat(Location.parse("s3://b/a%20b/")).isEqualTo(new Location(StorageType.S3, "b", "/a b/"));
    }

    @Test
    void rejectsMalformedLocationsWithDatabendMessages() {
        assertThatThrownBy(() -> Location.parse("/tmp/"))
                .hasMessageContaining("local filesystem paths must use fs:///path/ instead of /path/");
        assertThatThrownBy(() -> Location.parse("file:///tmp/"))
                .hasMessageContaining("local filesystem paths must use fs:///path/ instead of file:///path/");
        assertThatThrownBy(() -> Location.parse("fs://x")).hasMessageContaining("fs locations must start with fs:///");
        assertThatThrownBy(() -> Location.parse("hf://ropes")).hasMessageContaining("not a valid huggingface uri");
        assertThatThrownBy(() -> Location.parse("s3:///path")).hasMessageContaining("invalid uri");
        assertThatThrownBy(() -> Location.parse("s4://b/")).hasMessageContaining("protocol s4 is not supported yet.");
        assertThatThrownBy(() -> Location.parse("fs:///tmp/../etc/")).hasMessageContaining("'..'");
    }

    @Test
    void keysStayUnderTheRoot() {
        Location location = Location.parse("s3://b/root/");
        assertThat(location.key("a/b.csv")).isEqualTo("root/a/b.csv");
        assertThatThrownBy(() -> location.key("../x")).hasMessageContaining("'..'");
    }
}
