/**
 * Test vectors for mint: reading rows in the test-vector format ({@link
 * dev.mint.vectors.VectorFiles}, {@link dev.mint.vectors.VectorRow}) and checking each against
 * mint-core, stage by stage ({@link dev.mint.vectors.VectorCheck}).
 *
 * <p>The format is described in {@code test-vectors/upstream/README.md}. Nothing here knows where
 * the repository's vector files are: callers pass the paths (mint's tests get them from system
 * properties set by the build, {@code mint verify} from its arguments). Files are untrusted input:
 * reading costs bounded memory, errors name the file and line, and no report repeats a row's
 * phrase.
 */
package dev.mint.vectors;
