package dev.stowage.fileio;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/** A {@link FileIO} that can hand out time-limited URLs for a file. */
public interface SupportsPresign {
    /** Returns a URL that downloads {@code path} until {@code expiry} has passed. */
    URI presignRead(String path, Duration expiry) throws IOException;

    /** Returns a URL that uploads to {@code path} until {@code expiry} has passed. */
    URI presignWrite(String path, Duration expiry) throws IOException;
}
