package dev.skiff.fuzz;

import java.nio.file.Path;

/**
 * One program to try.
 *
 * @param origin how it was made (a seed's name and the mutations, or the generator)
 * @param text   the program
 * @param bytes  when not null, the file's raw bytes (an encoding test): it is compiled from disk
 * @param file   where it lives: a seed's own path (so its imports and {@code kcl.mod} are found), else a
 *               file in the worker's scratch project; the text stands in for the file's content
 */
public record Input(String origin, String text, byte[] bytes, Path file) {
    public int size() {
        return bytes != null ? bytes.length : text.length();
    }
}
