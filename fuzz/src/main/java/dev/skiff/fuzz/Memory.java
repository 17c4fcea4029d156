package dev.skiff.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * The process's memory as the kernel counts it (resident and virtual, heap and native together; Linux, 0
 * elsewhere), and the JVM's own account of its native memory when it tracks it
 * ({@code -XX:NativeMemoryTracking=summary}): where memory outside the heap went.
 */
final class Memory {
    private Memory() {
    }

    static long rssKb() {
        return status("VmRSS:");
    }

    static long virtualKb() {
        return status("VmSize:");
    }

    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The JVM's native memory summary, or null when it does not track native memory. */
    static String nativeSummary() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            String s = String.valueOf(out);
            return s.contains("not enabled") ? null : s;
        } catch (Exception e) {
            return null;
        }
    }
}
