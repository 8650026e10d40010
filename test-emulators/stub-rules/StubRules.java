import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for Firebase's Cloud Storage rules runtime (cloud-storage-rules-runtime-*.jar), which the Storage emulator
 * otherwise downloads from the internet. firebase-tools runs it as {@code java -jar <STORAGE_EMULATOR_BINARY_PATH> serve}
 * and talks JSON lines over stdin/stdout (see firebase-tools lib/emulator/storage/rules/runtime.js): it waits for
 * {@code {"id":-1,...}}, then sends one request per line. This stub loads every ruleset as rules_version 2 and permits
 * every request, which is what the tests want: access control is not under test against this emulator.
 */
public final class StubRules {
    private StubRules() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        out.println("{\"id\":-1,\"status\":\"ok\"}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String id = topLevel(line, "id");
            if (id == null) {
                continue;
            }
            String result = "\"load_ruleset\"".equals(topLevel(line, "action"))
                    ? "{\"rulesVersion\":2}"
                    : "{\"permit\":true}";
            out.println("{\"id\":" + id + ",\"status\":\"ok\",\"errors\":[],\"warnings\":[],\"result\":" + result + "}");
        }
    }

    /** Returns the raw JSON value of {@code key} in the top-level object of {@code json} (scalars only), or null. */
    static String topLevel(String json, String key) {
        String wanted = "\"" + key + "\"";
        int depth = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == '"') {
                int end = stringEnd(json, i);
                if (depth == 1 && json.startsWith(wanted, i) && end == i + wanted.length() - 1) {
                    int colon = json.indexOf(':', end);
                    int start = colon + 1;
                    while (start < json.length() && Character.isWhitespace(json.charAt(start))) {
                        start++;
                    }
                    int stop = json.charAt(start) == '"' ? stringEnd(json, start) + 1 : start;
                    while (stop < json.length() && ",}] \t".indexOf(json.charAt(stop)) < 0) {
                        stop++;
                    }
                    return json.substring(start, stop);
                }
                i = end;
            }
        }
        return null;
    }

    /** Returns the index of the quote closing the string that opens at {@code start}. */
    private static int stringEnd(String json, int start) {
        for (int i = start + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return json.length() - 1;
    }
}
