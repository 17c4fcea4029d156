package dev.skiff.k8sgen;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives a string field's allowed values from its description, because client-java carries enums only as
 * prose. Two shapes are trusted: the generated "Possible enum values:" list, and a single sentence such as
 * "One of Always, Never, IfNotPresent." or "Valid options are ExternalName, ClusterIP, NodePort, and
 * LoadBalancer." When two sentences disagree, or an item is not a plain identifier, the field stays open.
 */
final class EnumExtractor {
    private static final Pattern POSSIBLE_ITEM = Pattern.compile("(?m)^\\s*-\\s*`\"([^\"`]*)\"`");
    private static final Pattern LEAD = Pattern.compile(
            "(?:\\b[Oo]ne of(?: the following values)?|[Vv]alid [a-z]+ are|[Mm]ust be(?: one of)?|[Cc]an be(?: one of(?: the following values)?)?|[Ss]upports"
                    + "|[Ss]upported [a-z]+ are|[Pp]ossible values are|[Aa]llowed values are)\\s*(:?)\\s*([^.;\\n(:]*)");
    private static final Pattern ITEM = Pattern.compile(
            "^(?:[\"'`]([A-Za-z][A-Za-z0-9_-]*)[\"'`]|([A-Z][A-Za-z0-9]*))$");
    private static final Pattern ASIDE = Pattern.compile("\\s*\\([^()]*\\)");
    private static final Pattern BULLET = Pattern.compile("(?:^|\\s)[-*]\\s+[\"']?([A-Z][A-Za-z0-9]*)[\"']?\\s*(?:\\([^)]*\\))?:");

    private EnumExtractor() {
    }

    static Set<String> extract(String description) {
        if (description == null || description.isEmpty()) {
            return Set.of();
        }
        int possible = description.indexOf("Possible enum values:");
        if (possible >= 0) {
            Set<String> values = new LinkedHashSet<>();
            Matcher m = POSSIBLE_ITEM.matcher(description.substring(possible));
            while (m.find()) {
                values.add(m.group(1));
            }
            return values.size() >= 1 ? Set.copyOf(values) : Set.of();
        }
        Set<String> found = null;
        // "Retain (default for ...), Delete (...)": the asides explain values, they are not part of the list.
        String text = ASIDE.matcher(description).replaceAll("");
        Matcher lead = LEAD.matcher(text);
        while (lead.find()) {
            Set<String> values = lead.group(1).isEmpty() ? items(lead.group(2)) : bullets(text.substring(lead.start(2)));
            if (values == null && !lead.group(1).isEmpty()) {
                values = items(lead.group(2));
            }
            if (values == null) {
                continue;
            }
            if (found != null && !found.equals(values)) {
                return Set.of();
            }
            found = values;
        }
        return found == null ? Set.of() : found;
    }

    /** The items of a "Valid values are: - \"Allow\": ...; - \"Forbid\": ..." or "* Exact: ..." list. */
    private static Set<String> bullets(String rest) {
        Set<String> values = new LinkedHashSet<>();
        Matcher m = BULLET.matcher(rest);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values.size() >= 2 ? values : null;
    }

    /** The items of "A, B, and C" / "\"A\" and \"B\"", or null when any part is not a plain identifier. */
    private static Set<String> items(String list) {
        String[] parts = list.trim().split("\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+and\\s+|\\s+or\\s+");
        Set<String> values = new LinkedHashSet<>();
        for (String part : parts) {
            Matcher m = ITEM.matcher(part.trim());
            if (!m.matches()) {
                return null;
            }
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values.size() >= 2 ? values : null;
    }
}
