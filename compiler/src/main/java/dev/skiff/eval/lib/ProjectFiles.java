package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.eval.value.EvalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The rule every system module function that touches files follows: a path is taken relative to the project
 * root and must stay inside it, also through symbolic links; reads are bounded; writes are atomic and happen
 * only when the compilation carries them out ({@code skiff run}), otherwise they are checked and skipped.
 */
final class ProjectFiles {
    /** Files larger than this are refused: a configuration program has no use for them. */
    static final long MAX_READ = 16L << 20;

    private ProjectFiles() {
    }

    /** The absolute path {@code path} names, or an E0511 error when it lies outside the project. */
    static Path resolve(Args a, String path) {
        Path root = a.ctx().projectRoot().toAbsolutePath().normalize();
        Path target;
        try {
            target = root.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw a.ctx().error(Code.E0511, "`" + path + "` is not a valid path: " + e.getReason());
        }
        if (!target.startsWith(root) || !real(target).startsWith(real(root))) {
            throw a.ctx().error(Code.E0511, "`" + path + "` is outside the project; Skiff reads and writes files "
                    + "only inside the project's directory")
                    .withHint("the project is the directory of `kcl.mod`, or of the main file");
        }
        return target;
    }

    /** The path with symbolic links resolved as far as it exists, the rest appended as written. */
    private static Path real(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }

    static byte[] readBytes(Args a, String path) {
        Path p = resolve(a, path);
        try {
            if (Files.size(p) > MAX_READ) {
                throw a.ctx().error(Code.E0509, "`" + path + "` is larger than 16 MiB");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw failed(a, "read", path, e);
        }
    }

    static String readString(Args a, String path) {
        return new String(readBytes(a, path), StandardCharsets.UTF_8);
    }

    /** Replaces the file's content (creating it and its directories): readers see the old text or the new. */
    static void write(Args a, String path, String text) {
        Path p = resolve(a, path);
        if (!a.ctx().writesFiles()) {
            return;
        }
        try {
            AtomicWrite.write(p, text);
        } catch (IOException e) {
            throw failed(a, "write", path, e);
        }
    }

    /**
     * Runs a change to the project's files (make, delete, copy, move) when the compilation carries writes out;
     * the caller has resolved its paths first, so they are checked either way.
     */
    static void change(Args a, String what, String path, IoAction action) {
        if (!a.ctx().writesFiles()) {
            return;
        }
        try {
            action.run();
        } catch (IOException e) {
            throw failed(a, what, path, e);
        }
    }

    /** A file system operation. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /** An E0511 error saying in plain words why {@code what} failed on {@code path}. */
    static EvalException failed(Args a, String what, String path, IOException e) {
        return a.ctx().error(Code.E0511, "cannot " + what + " `" + path + "`: " + reason(e));
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "no such file or directory";
            case FileAlreadyExistsException x -> "it already exists";
            case DirectoryNotEmptyException x -> "the directory is not empty";
            case NotDirectoryException x -> "a part of the path is not a directory";
            case AccessDeniedException x -> "permission denied";
            default -> e.getMessage();
        };
    }
}
