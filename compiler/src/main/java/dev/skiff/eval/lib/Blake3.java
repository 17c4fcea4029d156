package dev.skiff.eval.lib;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The BLAKE3 hash (its default mode, 32-byte output), written from the specification: the input is cut into
 * 1024-byte chunks, each chunk is compressed 64-byte block by block into a chaining value, and the chaining
 * values are merged pairwise up a binary tree whose root is compressed once more with the ROOT flag. The JDK
 * has no BLAKE3; {@code crypto.blake3} needs it. Single-threaded and portable rather than fast.
 */
final class Blake3 {
    private static final int[] IV = {
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
    };
    private static final int[] PERMUTATION = {2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8};
    private static final int BLOCK_LEN = 64;
    private static final int CHUNK_LEN = 1024;
    private static final int CHUNK_START = 1;
    private static final int CHUNK_END = 2;
    private static final int PARENT = 4;
    private static final int ROOT = 8;

    private Blake3() {
    }

    /** The 32-byte hash of {@code input}. */
    static byte[] hash(byte[] input) {
        // chaining values of complete subtrees, as in the reference implementation: merging on push keeps
        // the stack as the binary digits of the number of chunks so far
        Deque<int[]> stack = new ArrayDeque<>();
        long chunk = 0;
        int offset = 0;
        while (input.length - offset > CHUNK_LEN) {
            int[] cv = chunkOutput(input, offset, CHUNK_LEN, chunk).chainingValue();
            chunk++;
            for (long done = chunk; (done & 1) == 0; done >>= 1) {
                cv = parentOutput(stack.pop(), cv).chainingValue();
            }
            stack.push(cv);
            offset += CHUNK_LEN;
        }
        Output out = chunkOutput(input, offset, input.length - offset, chunk);
        while (!stack.isEmpty()) {
            out = parentOutput(stack.pop(), out.chainingValue());
        }
        return out.rootBytes();
    }

    /**
     * What is left to compress once the inputs are known: the last compression of a chunk or of a parent
     * node, which is either a chaining value or, with ROOT added, the hash itself.
     */
    private record Output(int[] cv, int[] block, long counter, int blockLen, int flags) {
        int[] chainingValue() {
            int[] state = compress(cv, block, counter, blockLen, flags);
            return java.util.Arrays.copyOf(state, 8);
        }

        byte[] rootBytes() {
            int[] state = compress(cv, block, 0, blockLen, flags | ROOT);
            byte[] out = new byte[32];
            for (int i = 0; i < 8; i++) {
                for (int b = 0; b < 4; b++) {
                    out[4 * i + b] = (byte) (state[i] >>> (8 * b));
                }
            }
            return out;
        }
    }

    /** Compresses a chunk's blocks but the last, and leaves the last one as the chunk's output. */
    private static Output chunkOutput(byte[] input, int from, int length, long chunkCounter) {
        int[] cv = IV.clone();
        int blocks = Math.max(1, (length + BLOCK_LEN - 1) / BLOCK_LEN);
        for (int i = 0; i < blocks - 1; i++) {
            int flags = i == 0 ? CHUNK_START : 0;
            int[] state = compress(cv, words(input, from + i * BLOCK_LEN, BLOCK_LEN), chunkCounter, BLOCK_LEN, flags);
            cv = java.util.Arrays.copyOf(state, 8);
        }
        int lastLen = length - (blocks - 1) * BLOCK_LEN;
        int flags = (blocks == 1 ? CHUNK_START : 0) | CHUNK_END;
        return new Output(cv, words(input, from + (blocks - 1) * BLOCK_LEN, lastLen), chunkCounter, lastLen, flags);
    }

    private static Output parentOutput(int[] left, int[] right) {
        int[] block = new int[16];
        System.arraycopy(left, 0, block, 0, 8);
        System.arraycopy(right, 0, block, 8, 8);
        return new Output(IV.clone(), block, 0, BLOCK_LEN, PARENT);
    }

    /** Up to 64 bytes as 16 little-endian words, zero-padded. */
    private static int[] words(byte[] input, int from, int length) {
        int[] w = new int[16];
        for (int i = 0; i < length; i++) {
            w[i / 4] |= (input[from + i] & 0xff) << (8 * (i % 4));
        }
        return w;
    }

    private static int[] compress(int[] cv, int[] block, long counter, int blockLen, int flags) {
        int[] s = {
            cv[0], cv[1], cv[2], cv[3], cv[4], cv[5], cv[6], cv[7],
            IV[0], IV[1], IV[2], IV[3], (int) counter, (int) (counter >>> 32), blockLen, flags,
        };
        int[] m = block.clone();
        for (int round = 0; round < 7; round++) {
            g(s, 0, 4, 8, 12, m[0], m[1]);
            g(s, 1, 5, 9, 13, m[2], m[3]);
            g(s, 2, 6, 10, 14, m[4], m[5]);
            g(s, 3, 7, 11, 15, m[6], m[7]);
            g(s, 0, 5, 10, 15, m[8], m[9]);
            g(s, 1, 6, 11, 12, m[10], m[11]);
            g(s, 2, 7, 8, 13, m[12], m[13]);
            g(s, 3, 4, 9, 14, m[14], m[15]);
            int[] permuted = new int[16];
            for (int i = 0; i < 16; i++) {
                permuted[i] = m[PERMUTATION[i]];
            }
            m = permuted;
        }
        for (int i = 0; i < 8; i++) {
            s[i] ^= s[i + 8];
            s[i + 8] ^= cv[i];
        }
        return s;
    }

    /** The quarter-round mixing function. */
    private static void g(int[] s, int a, int b, int c, int d, int mx, int my) {
        s[a] = s[a] + s[b] + mx;
        s[d] = Integer.rotateRight(s[d] ^ s[a], 16);
        s[c] = s[c] + s[d];
        s[b] = Integer.rotateRight(s[b] ^ s[c], 12);
        s[a] = s[a] + s[b] + my;
        s[d] = Integer.rotateRight(s[d] ^ s[a], 8);
        s[c] = s[c] + s[d];
        s[b] = Integer.rotateRight(s[b] ^ s[c], 7);
    }
}
