package dev.skiff.k8sgen;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Reads every model class of one client-java-api jar by reflection. The jar is loaded in its own class loader
 * (with gson and swagger-annotations beside it) so several versions can be read in one JVM; annotations are read
 * by name because their classes belong to that loader, not to ours.
 */
final class ClientModelReader {
    static final String MODELS = "io.kubernetes.client.openapi.models.";

    private ClientModelReader() {
    }

    static Map<String, Definition> read(Path clientJar, Collection<Path> supportJars) throws IOException {
        Map<String, Definition> out = new TreeMap<>();
        try (URLClassLoader loader = Jars.loader(clientJar, supportJars); JarFile jar = new JarFile(clientJar.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String n = entries.nextElement().getName();
                if (!n.endsWith(".class") || n.contains("$")) {
                    continue;
                }
                String cn = n.substring(0, n.length() - 6).replace('/', '.');
                if (!cn.startsWith(MODELS)) {
                    continue;
                }
                Class<?> c = Class.forName(cn, true, loader);
                if (c.isEnum() || c.isInterface() || !hasStaticField(c, "openapiFields")) {
                    continue;
                }
                out.put(c.getSimpleName(), definition(c));
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot read models of " + clientJar + ": " + e, e);
        }
        return out;
    }

    private static boolean hasStaticField(Class<?> c, String name) {
        try {
            return Modifier.isStatic(c.getDeclaredField(name).getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Definition definition(Class<?> c) throws ReflectiveOperationException {
        Annotation model = annotation(c.getAnnotations(), "io.swagger.annotations.ApiModel");
        Definition d = new Definition(c.getSimpleName(), model == null ? "" : (String) value(model, "description"));
        Map<String, Method> getters = new TreeMap<>();
        for (Method m : c.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())) {
                getters.put(m.getName(), m);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Annotation serialized = annotation(f.getAnnotations(), "com.google.gson.annotations.SerializedName");
            if (serialized == null) {
                continue;
            }
            String json = (String) value(serialized, "value");
            String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
            Method getter = getters.getOrDefault("get" + cap, getters.get("is" + cap));
            String description = "";
            if (getter != null) {
                Annotation prop = annotation(getter.getAnnotations(), "io.swagger.annotations.ApiModelProperty");
                if (prop != null) {
                    description = (String) value(prop, "value");
                    if ((Boolean) value(prop, "required")) {
                        d.required.add(json);
                    }
                }
            }
            Set<String> javaEnum = new LinkedHashSet<>();
            String type = typeRef(f.getGenericType(), javaEnum);
            Set<String> enums = javaEnum.isEmpty() ? EnumExtractor.extract(description) : javaEnum;
            if (!type.equals("string") || f.getType() == byte[].class) {
                enums = Set.of();
            }
            d.properties.put(json, new Definition.Property(json, type, format(f.getType()), description, enums));
        }
        Field req = c.getDeclaredField("openapiRequiredFields");
        req.setAccessible(true);
        for (Object o : (Collection<?>) req.get(null)) {
            if (d.properties.containsKey((String) o)) {
                d.required.add((String) o);
            }
        }
        return d;
    }

    private static String format(Class<?> t) {
        return switch (t.getName()) {
            case "java.lang.Integer", "int" -> "int32";
            case "java.lang.Long", "long" -> "int64";
            case "java.lang.Double", "double" -> "double";
            case "java.lang.Float", "float" -> "float";
            case "java.time.OffsetDateTime" -> "date-time";
            case "java.time.LocalDate" -> "date";
            case "[B" -> "byte";
            default -> "";
        };
    }

    /** The compact type reference of a field's Java type; Java enum constants are collected into {@code enums}. */
    static String typeRef(Type t, Set<String> enums) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                return "{}" + typeRef(args[1], enums);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return "[]" + typeRef(args[0], enums);
            }
            return "any";
        }
        if (!(t instanceof Class<?> c)) {
            return "any";
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                enums.add(String.valueOf(constant));
            }
            return "string";
        }
        return switch (c.getName()) {
            case "java.lang.String", "java.time.LocalDate", "[B" -> "string";
            case "java.lang.Integer", "int" -> "int32";
            case "java.lang.Long", "long" -> "int64";
            case "java.lang.Boolean", "boolean" -> "boolean";
            case "java.lang.Double", "double", "java.lang.Float", "float", "java.math.BigDecimal" -> "number";
            case "java.time.OffsetDateTime" -> "date-time";
            case "io.kubernetes.client.custom.IntOrString" -> "int-or-string";
            case "io.kubernetes.client.custom.Quantity" -> "quantity";
            default -> c.getName().startsWith(MODELS) ? c.getSimpleName() : "any";
        };
    }

    private static Annotation annotation(Annotation[] all, String type) {
        for (Annotation a : all) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static Object value(Annotation a, String attribute) throws ReflectiveOperationException {
        return a.annotationType().getMethod(attribute).invoke(a);
    }
}
