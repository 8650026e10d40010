package dev.stowage.calcite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.fileio.Location;
import dev.stowage.secret.Masking;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The row layout of {@code system.stages}, SHOW STAGES and DESC STAGE (Databend's 2026 layout). */
final class StageRows {
    private static final Set<String> CREDENTIAL_KEYS = Set.of("access_key_id", "aws_key_id", "secret_access_key",
            "aws_secret_key", "session_token", "aws_token", "security_token", "role_arn", "aws_role_arn", "external_id",
            "aws_external_id", "account_name", "account_key", "credential", "access_key_secret", "secret_id",
            "secret_key", "token", "delegation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private StageRows() {
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        RelDataType nullableText = typeFactory.createTypeWithNullability(text, true);
        RelDataType bool = typeFactory.createSqlType(SqlTypeName.BOOLEAN);
        return typeFactory.builder()
                .add("name", text)
                .add("stage_type", text)
                .add("storage_type", nullableText)
                .add("url", nullableText)
                .add("endpoint", nullableText)
                .add("has_credentials", bool)
                .add("has_encryption_key", bool)
                .add("storage_params", nullableText)
                .add("file_format_options", text)
                .add("creator", nullableText)
                .add("created_on", typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .add("comment", text)
                .add("owner", nullableText)
                .build();
    }

    static Object[] row(StageDefinition stage) {
        Location location = stage.internal() ? null : Location.parse(stage.url());
        Map<String, String> parameters = stage.parameters();
        String endpoint = parameters.getOrDefault("endpoint_url", null);
        return new Object[] {
            stage.name(),
            stage.internal() ? "Internal" : "External",
            location == null ? null : location.type().scheme(),
            stage.url(),
            endpoint == null || endpoint.isEmpty() ? null : endpoint,
            parameters.keySet().stream().anyMatch(CREDENTIAL_KEYS::contains),
            parameters.containsKey("master_key"),
            location == null ? null : storageParams(location, parameters),
            stage.fileFormat().toJson(),
            stage.creator(),
            stage.createdOn().toEpochMilli(),
            stage.comment(),
            null};
    }

    /** The resolved storage parameters as JSON: location first, then each parameter, credentials masked. */
    private static String storageParams(Location location, Map<String, String> parameters) {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("type", location.type().scheme());
        json.put("bucket", location.bucket());
        json.put("root", location.root());
        parameters.forEach((key, value) -> json.put(key, Masking.forDisplay(key, value)));
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stage parameters cannot be written as JSON", e);
        }
    }
}
