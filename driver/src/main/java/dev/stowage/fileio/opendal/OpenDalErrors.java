package dev.stowage.fileio.opendal;

import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.opendal.OpenDALException;

/**
 * Turns an OpenDAL failure into a {@link StorageException}. OpenDAL's own messages carry request URIs, headers and
 * backtraces, so the message is rebuilt from its error code, the service's error code and the HTTP status only.
 */
final class OpenDalErrors {
    private static final Pattern SERVICE_CODE = Pattern.compile("code: \"([A-Za-z]+)\"");
    private static final Pattern STATUS = Pattern.compile("status: ([0-9]{3})");

    private OpenDalErrors() {
    }

    static StorageException translate(OpenDALException e, String operation, String where) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String serviceCode = first(SERVICE_CODE, message);
        String status = first(STATUS, message);
        StringBuilder detail = new StringBuilder();
        if (serviceCode != null) {
            detail.append(serviceCode);
        }
        if (status != null) {
            detail.append(detail.length() > 0 ? ", " : "").append("HTTP ").append(status);
        }
        String suffix = detail.length() > 0 ? " (" + detail + ")" : "";
        OpenDALException.Code code = e.getCode();
        String lower = message.toLowerCase(Locale.ROOT);
        if (code == OpenDALException.Code.NotFound) {
            return new StorageException(Kind.NOT_FOUND, "Storage object " + where + " not found" + suffix + ".");
        }
        if (code == OpenDALException.Code.PermissionDenied) {
            return new StorageException(Kind.PERMISSION_DENIED, "Permission denied to " + operation + " " + where + suffix
                    + ": check the connection's credentials.");
        }
        if ("NoSuchBucket".equals(serviceCode) || "ContainerNotFound".equals(serviceCode)) {
            return new StorageException(Kind.NOT_FOUND, "Bucket of " + where + " does not exist" + suffix + ".");
        }
        if (code == OpenDALException.Code.ConfigInvalid) {
            return new StorageException(Kind.INVALID_CONFIGURATION,
                    "Invalid storage configuration for " + where + suffix + ": " + configProblem(lower));
        }
        if (code == OpenDALException.Code.Unsupported) {
            return new StorageException(Kind.UNSUPPORTED, "The storage of " + where + " does not support " + operation + ".");
        }
        if (lower.contains("connect error") || lower.contains("connection refused") || lower.contains("dns error")
                || lower.contains("connection reset") || lower.contains("error sending request")) {
            return new StorageException(Kind.UNREACHABLE, "Cannot reach the storage of " + where + " to " + operation
                    + suffix + ": " + networkProblem(lower));
        }
        return new StorageException(Kind.OTHER, "Cannot " + operation + " " + where + suffix + ": storage error "
                + code + (lower.contains("(persistent)") ? " after retries" : "") + ".");
    }

    private static String configProblem(String message) {
        if (message.contains("credential")) {
            return "no usable credentials.";
        }
        if (message.contains("region")) {
            return "the region is missing or wrong.";
        }
        if (message.contains("endpoint")) {
            return "the endpoint is invalid.";
        }
        return "check the connection parameters.";
    }

    private static String networkProblem(String message) {
        if (message.contains("connection refused")) {
            return "connection refused.";
        }
        if (message.contains("dns error")) {
            return "the host name does not resolve.";
        }
        if (message.contains("connection reset")) {
            return "the connection was reset.";
        }
        return "network error.";
    }

    private static String first(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
