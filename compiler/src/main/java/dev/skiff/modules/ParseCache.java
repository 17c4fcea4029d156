package dev.skiff.modules;

import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;

/**
 * Parses source files, perhaps from a cache: an editor keeps one for the session, keyed by file and text, so a
 * keystroke re-parses one file and every package it imports is parsed once. Trees are immutable, so sharing
 * them is safe.
 */
@FunctionalInterface
public interface ParseCache {
    /** No cache: every file is parsed. */
    ParseCache NONE = Parser::parse;

    Result<SourceUnit> parse(SourceFile file);
}
