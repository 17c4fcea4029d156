package dev.skiff.eval;

import dev.skiff.modules.ModuleResolver;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an evaluation needs from outside.
 *
 * @param options     the {@code -D key=value} options for {@code option()}
 * @param resolver    finds imported modules
 * @param projectRoot the only directory {@code file.*} functions may read
 * @param out         where {@code print} writes
 */
public record EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                          Limits limits) {
    public EvalOptions {
        options = Map.copyOf(options);
    }
}
