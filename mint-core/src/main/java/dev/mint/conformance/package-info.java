/**
 * For conformance tools, not for getting passwords: the page's algorithm as its five stages ({@link
 * dev.mint.conformance.Stages}), so that a tool can compare each stage with the page's recorded
 * values (mint's vector checker does) or time it (mint's benchmarks do). Passwords come from {@link
 * dev.mint.Mint} and {@link dev.mint.MintKey}, which run the same stages in the page's order and
 * wipe what they make on the way; a caller of these stages wipes the arrays itself.
 */
package dev.mint.conformance;
