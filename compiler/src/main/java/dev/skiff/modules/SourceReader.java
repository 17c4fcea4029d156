package dev.skiff.modules;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads source files from disk as strict UTF-8. Binary content (NUL bytes) and invalid UTF-8 become an
 * {@link Code#E0108} diagnostic instead of garbage reaching the parser; unreadable files become
 * {@link Code#E0206}.
 */
public final class SourceReader {
    /**
     * Larger inputs are refused: a configuration this big is a mistake (or an attack), not a program. It bounds
     * the front end's time too, which is linear in the input (60 MiB took over a minute; 16 MiB, as much as a
     * program may read with the file functions, takes seconds).
     */
    public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private SourceReader() {
    }

    /** The outcome of reading one file: the file, or a diagnostic saying why not. */
    public record Read(SourceFile file, Diagnostic problem) {
    }

    public static Read read(Path path, String displayName) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                return new Read(null, Diagnostic.error(Code.E0206, null,
                        "`" + displayName + "` is a directory, not a `.k` file"));
            }
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                return new Read(null, Diagnostic.error(Code.E0108, null,
                        "`" + displayName + "` is " + size + " bytes; Skiff reads files of at most "
                                + MAX_FILE_BYTES + " bytes"));
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new Read(null, Diagnostic.error(Code.E0206, null,
                    "cannot read `" + displayName + "`: " + describe(e)));
        }
        return decode(path, displayName, bytes);
    }

    static Read decode(Path path, String displayName, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                SourceFile empty = SourceFile.of(path, displayName, "");
                return new Read(null, Diagnostic.error(Code.E0108, dev.skiff.source.Span.at(empty, 0),
                        "`" + displayName + "` contains a NUL byte at offset " + i + "; it looks like a binary file, not Skiff source"));
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new Read(SourceFile.of(path, displayName, text), null);
        } catch (CharacterCodingException e) {
            SourceFile empty = SourceFile.of(path, displayName, "");
            return new Read(null, Diagnostic.error(Code.E0108, dev.skiff.source.Span.at(empty, 0),
                    "`" + displayName + "` is not valid UTF-8 text")
                    .withHint("save the file as UTF-8"));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
