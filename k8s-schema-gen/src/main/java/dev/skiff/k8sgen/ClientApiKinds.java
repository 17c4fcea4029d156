package dev.skiff.k8sgen;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second witness for kinds' groups and versions: each client-java API class (e.g. {@code NetworkingV1beta1Api})
 * holds its REST paths ({@code /apis/networking.k8s.io/v1beta1/ipaddresses}) and the model classes it sends as
 * string constants. A model that is a kind, used by exactly one API class with one group/version, whose kind
 * names one of that class's resources, belongs to that group/version. The class files are read as bytes, not
 * loaded, because the API classes need okhttp. fabric8 stays the first authority; this covers the kinds a fabric8
 * release does not model and cross-checks the rest.
 */
final class ClientApiKinds {
    private static final Pattern PATH = Pattern.compile(
            "/(?:api/(v1)|apis/([a-z0-9.-]+)/(v\\d+(?:alpha\\d+|beta\\d+)?))/(?:namespaces/\\{namespace}/)?([a-z0-9]+)");
    private static final Pattern MODEL = Pattern.compile("openapi/models/([A-Za-z0-9]+)");

    private ClientApiKinds() {
    }

    /** definition name → its kind, for the definitions this evidence settles. */
    static Map<String, Fabric8Kinds.Gvk> read(Path clientJar, Map<String, Definition> defs) throws IOException {
        Map<String, Fabric8Kinds.Gvk> found = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        try (JarFile jar = new JarFile(clientJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith("io/kubernetes/client/openapi/apis/") || !e.getName().endsWith("Api.class")) {
                    continue;
                }
                String text;
                try (InputStream in = jar.getInputStream(e)) {
                    text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                Set<String> groupVersions = new TreeSet<>();
                Set<String> resources = new HashSet<>();
                Matcher m = PATH.matcher(text);
                while (m.find()) {
                    groupVersions.add(m.group(1) != null ? "/" + m.group(1) : m.group(2) + "/" + m.group(3));
                    resources.add(m.group(4));
                }
                if (groupVersions.size() != 1) {
                    continue;
                }
                String[] gv = groupVersions.iterator().next().split("/", 2);
                Set<String> models = new HashSet<>();
                Matcher mm = MODEL.matcher(text);
                while (mm.find()) {
                    models.add(mm.group(1));
                }
                for (String model : models) {
                    Definition d = defs.get(model);
                    String kind = Modules.shortName(model);
                    if (d == null || !d.properties.containsKey("kind") || !d.properties.containsKey("metadata")
                            || kind.endsWith("List")
                            || resources.stream().noneMatch(r -> r.startsWith(kind.toLowerCase()))) {
                        continue;
                    }
                    Fabric8Kinds.Gvk g = new Fabric8Kinds.Gvk(gv[0], gv[1], kind, "", List.of());
                    Fabric8Kinds.Gvk before = found.putIfAbsent(model, g);
                    if (before != null && !before.equals(g)) {
                        ambiguous.add(model);
                    }
                }
            }
        }
        ambiguous.forEach(found::remove);
        return found;
    }
}
