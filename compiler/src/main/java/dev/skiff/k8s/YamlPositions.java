package dev.skiff.k8s;

import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The place in a YAML document of a {@link Problem}'s field path: the key of the deepest field along the
 * path that the document has (a missing required field is shown at the object that lacks it), or the item,
 * or the document's {@code kind} for a problem with the object as a whole. The one place that knows how a
 * path is spelled ({@code spec.containers[0].image}, {@code metadata.labels["app.kubernetes.io/name"]}).
 */
public final class YamlPositions {
    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]");

    private YamlPositions() {
    }

    public static Span locate(SourceFile file, YamlNode root, String path) {
        YamlNode best = path.isEmpty() && root.fields().get("kind") != null ? root.fields().get("kind") : root;
        YamlNode current = root;
        Matcher m = PART.matcher(path);
        while (m.find() && current != null) {
            if (m.group(2) != null) {
                int i = Integer.parseInt(m.group(2));
                current = i < current.items().size() ? current.items().get(i) : null;
            } else {
                String key = m.group(1) != null ? m.group(1) : m.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
                current = current.fields().get(key);
            }
            if (current != null) {
                best = current;
            }
        }
        if (best.keyStart() >= 0) {
            return Span.of(file, best.keyStart(), Math.min(file.length(), best.keyEnd()));
        }
        int end = Math.min(file.length(), Math.max(best.valueStart() + 1, firstLineEnd(file, best)));
        return Span.of(file, Math.min(best.valueStart(), file.length()), end);
    }

    /** A collection's span is long; show only its first line. */
    private static int firstLineEnd(SourceFile file, YamlNode n) {
        int lineEnd = file.offset(file.line(n.valueStart()) + 1, 0);
        int end = Math.min(n.valueEnd(), lineEnd);
        String text = file.text();
        while (end > n.valueStart() + 1 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
